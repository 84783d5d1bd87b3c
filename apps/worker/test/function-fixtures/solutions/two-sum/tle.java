class Solution {
    public int[] twoSum(int[] nums, int target) {
        int i = 0;
        long spins = 0;
        while (true) {
            // the exit condition was forgotten
            i = (i + 1) % nums.length;
            spins += nums[i];
        }
    }
}
