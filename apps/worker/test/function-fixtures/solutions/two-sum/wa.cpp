class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        // Wrong: assumes the answer is always the first two elements.
        return {0, 1};
    }
};
