class Solution {

    /**
     * @param Integer[] $nums1
     * @param Integer[] $nums2
     * @return Float
     */
    function findMedianSortedArrays($nums1, $nums2) {
        $all = array_merge($nums1, $nums2);
        sort($all);
        $n = count($all);
        if ($n % 2 === 1) return $all[intdiv($n, 2)];
        return ($all[$n / 2 - 1] + $all[$n / 2]) / 2;
    }
}
