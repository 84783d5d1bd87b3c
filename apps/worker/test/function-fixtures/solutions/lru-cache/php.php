class LRUCache {
    private $capacity;
    private $map;

    /**
     * @param Integer $capacity
     */
    function __construct($capacity) {
        $this->capacity = $capacity;
        $this->map = [];
    }
  
    /**
     * @param Integer $key
     * @return Integer
     */
    function get($key) {
        if (!array_key_exists($key, $this->map)) return -1;
        $value = $this->map[$key];
        unset($this->map[$key]);
        $this->map[$key] = $value;
        return $value;
    }
  
    /**
     * @param Integer $key
     * @param Integer $value
     * @return NULL
     */
    function put($key, $value) {
        unset($this->map[$key]);
        $this->map[$key] = $value;
        if (count($this->map) > $this->capacity) {
            unset($this->map[array_key_first($this->map)]);
        }
    }
}

/**
 * Your LRUCache object will be instantiated and called as such:
 * $obj = LRUCache($capacity);
 * $ret_1 = $obj->get($key);
 * $obj->put($key, $value);
 */
