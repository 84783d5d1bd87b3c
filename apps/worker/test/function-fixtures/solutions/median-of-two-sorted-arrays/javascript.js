/**
 * @param {number[]} nums1
 * @param {number[]} nums2
 * @return {number}
 */
var findMedianSortedArrays = function(nums1, nums2) {
    if (nums1.length > nums2.length) return findMedianSortedArrays(nums2, nums1);
    const m = nums1.length, n = nums2.length;
    const half = Math.floor((m + n + 1) / 2);
    let lo = 0, hi = m;
    while (lo <= hi) {
        const i = Math.floor((lo + hi) / 2);
        const j = half - i;
        const aLeft = i === 0 ? -Infinity : nums1[i - 1];
        const aRight = i === m ? Infinity : nums1[i];
        const bLeft = j === 0 ? -Infinity : nums2[j - 1];
        const bRight = j === n ? Infinity : nums2[j];
        if (aLeft <= bRight && bLeft <= aRight) {
            if ((m + n) % 2 === 1) return Math.max(aLeft, bLeft);
            return (Math.max(aLeft, bLeft) + Math.min(aRight, bRight)) / 2;
        }
        if (aLeft > bRight) hi = i - 1;
        else lo = i + 1;
    }
    return 0;
};
