# @param {String} s
# @return {Boolean}
def is_valid(s)
    pairs = { ")" => "(", "]" => "[", "}" => "{" }
    stack = []
    s.each_char do |c|
        if pairs.key?(c)
            return false if stack.pop != pairs[c]
        else
            stack.push(c)
        end
    end
    stack.empty?
end
