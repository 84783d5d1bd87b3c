/**
 * @param {number[]} nums
 * @param {number} target
 * @return {number[]}
 */
var twoSum = function(nums, target) {
    let i = 0;
    while (true) {
        i = (i + 1) % nums.length;
    }
};
