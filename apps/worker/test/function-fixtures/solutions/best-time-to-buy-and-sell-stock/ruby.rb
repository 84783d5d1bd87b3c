# @param {Integer[]} prices
# @return {Integer}
def max_profit(prices)
    low = Float::INFINITY
    best = 0
    prices.each do |p|
        low = p if p < low
        best = p - low if p - low > best
    end
    best
end
