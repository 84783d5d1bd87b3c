class Solution {

    /**
     * @param Integer[] $nums
     * @param Integer $k
     * @return NULL
     */
    function rotate(&$nums, $k) {
        $n = count($nums);
        $k %= $n;
        $nums = array_merge(array_slice($nums, $n - $k), array_slice($nums, 0, $n - $k));
    }
}
