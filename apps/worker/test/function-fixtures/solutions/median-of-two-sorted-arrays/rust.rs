impl Solution {
    pub fn find_median_sorted_arrays(nums1: Vec<i32>, nums2: Vec<i32>) -> f64 {
        let mut merged: Vec<i64> = nums1.iter().chain(nums2.iter()).map(|&x| x as i64).collect();
        merged.sort();
        let n = merged.len();
        if n % 2 == 1 {
            merged[n / 2] as f64
        } else {
            (merged[n / 2 - 1] + merged[n / 2]) as f64 / 2.0
        }
    }
}
