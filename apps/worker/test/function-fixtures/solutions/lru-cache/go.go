type entry struct {
    key, value int
}

type LRUCache struct {
    capacity int
    order    *list.List
    where    map[int]*list.Element
}


func Constructor(capacity int) LRUCache {
    return LRUCache{capacity: capacity, order: list.New(), where: map[int]*list.Element{}}
}


func (this *LRUCache) Get(key int) int {
    if e, ok := this.where[key]; ok {
        this.order.MoveToFront(e)
        return e.Value.(*entry).value
    }
    return -1
}


func (this *LRUCache) Put(key int, value int)  {
    if e, ok := this.where[key]; ok {
        e.Value.(*entry).value = value
        this.order.MoveToFront(e)
        return
    }
    if this.order.Len() == this.capacity {
        last := this.order.Back()
        delete(this.where, last.Value.(*entry).key)
        this.order.Remove(last)
    }
    this.where[key] = this.order.PushFront(&entry{key, value})
}


/**
 * Your LRUCache object will be instantiated and called as such:
 * obj := Constructor(capacity);
 * param_1 := obj.Get(key);
 * obj.Put(key,value);
 */
