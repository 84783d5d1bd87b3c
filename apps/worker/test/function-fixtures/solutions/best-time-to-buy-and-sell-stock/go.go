func maxProfit(prices []int) int {
    lowest, best := math.MaxInt32, 0
    for _, price := range prices {
        if price < lowest {
            lowest = price
        } else if price-lowest > best {
            best = price - lowest
        }
    }
    return best
}
