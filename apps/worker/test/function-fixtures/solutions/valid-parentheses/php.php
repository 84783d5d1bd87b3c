class Solution {

    /**
     * @param String $s
     * @return Boolean
     */
    function isValid($s) {
        $pairs = [')' => '(', ']' => '[', '}' => '{'];
        $stack = [];
        for ($i = 0; $i < strlen($s); $i++) {
            $c = $s[$i];
            if (isset($pairs[$c])) {
                if (array_pop($stack) !== $pairs[$c]) return false;
            } else {
                $stack[] = $c;
            }
        }
        return count($stack) === 0;
    }
}
