class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        int* nothing = nullptr;
        nums[0] = *nothing;
        return {nums[0], 0};
    }
};
