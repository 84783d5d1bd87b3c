class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        return undeclared_helper(nums, target)
    }
};
