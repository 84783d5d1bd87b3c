class Solution {

    /**
     * @param String[] $strs
     * @return String[][]
     */
    function groupAnagrams($strs) {
        $groups = [];
        foreach ($strs as $s) {
            $chars = str_split($s);
            sort($chars);
            $groups[implode('', $chars)][] = $s;
        }
        return array_values($groups);
    }
}
