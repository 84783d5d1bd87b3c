# @param {Integer[]} nums1
# @param {Integer[]} nums2
# @return {Float}
def find_median_sorted_arrays(nums1, nums2)
    all = (nums1 + nums2).sort
    n = all.length
    n.odd? ? all[n / 2].to_f : (all[n / 2 - 1] + all[n / 2]) / 2.0
end
