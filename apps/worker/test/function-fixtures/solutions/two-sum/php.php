class Solution {

    /**
     * @param Integer[] $nums
     * @param Integer $target
     * @return Integer[]
     */
    function twoSum($nums, $target) {
        $seen = [];
        foreach ($nums as $i => $n) {
            if (isset($seen[$target - $n])) {
                return [$seen[$target - $n], $i];
            }
            $seen[$n] = $i;
        }
        return [];
    }
}
