use std::collections::HashMap;

struct LRUCache {
    capacity: usize,
    tick: u64,
    values: HashMap<i32, (i32, u64)>,
    by_age: std::collections::BTreeMap<u64, i32>,
}


/** 
 * `&self` means the method takes an immutable reference.
 * If you need a mutable reference, change it to `&mut self` instead.
 */
impl LRUCache {

    fn new(capacity: i32) -> Self {
        LRUCache { capacity: capacity as usize, tick: 0, values: HashMap::new(), by_age: std::collections::BTreeMap::new() }
    }
    
    fn get(&mut self, key: i32) -> i32 {
        match self.values.get(&key).copied() {
            None => -1,
            Some((value, age)) => {
                self.touch(key, value, age);
                value
            }
        }
    }
    
    fn put(&mut self, key: i32, value: i32) {
        if let Some(&(_, age)) = self.values.get(&key) {
            self.touch(key, value, age);
            return;
        }
        if self.values.len() == self.capacity {
            let (&oldest, &evicted) = self.by_age.iter().next().unwrap();
            self.by_age.remove(&oldest);
            self.values.remove(&evicted);
        }
        self.tick += 1;
        self.values.insert(key, (value, self.tick));
        self.by_age.insert(self.tick, key);
    }

    fn touch(&mut self, key: i32, value: i32, age: u64) {
        self.by_age.remove(&age);
        self.tick += 1;
        self.values.insert(key, (value, self.tick));
        self.by_age.insert(self.tick, key);
    }
}

/**
 * Your LRUCache object will be instantiated and called as such:
 * let obj = LRUCache::new(capacity);
 * let ret_1: i32 = obj.get(key);
 * obj.put(key, value);
 */
