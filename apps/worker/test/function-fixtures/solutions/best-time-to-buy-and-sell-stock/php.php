class Solution {

    /**
     * @param Integer[] $prices
     * @return Integer
     */
    function maxProfit($prices) {
        $low = PHP_INT_MAX;
        $best = 0;
        foreach ($prices as $p) {
            $low = min($low, $p);
            $best = max($best, $p - $low);
        }
        return $best;
    }
}
