package words_test

import (
	"fmt"

	"broadsheet/layout/words"
)

func ExampleSegment() {
	fmt.Printf("%q\n", words.Segment("地铁7号线一期开始空载试运行"))
	// Output: ["地铁" "7号线" "一期" "开始" "空载" "试运行"]
}

// A headline breaker takes the best break it can afford: here the one before 区, never
// the one inside 政务.
func ExampleBreaks() {
	text := "经开区领导调研区政务服务办事大厅"
	q := words.Breaks(text)
	for i := range text {
		if q[i] >= words.Weak {
			fmt.Printf("%s|%s %v\n", text[:i], text[i:], q[i])
		}
	}
	// Output:
	// 经开区|领导调研区政务服务办事大厅 good
	// 经开区领导|调研区政务服务办事大厅 good
	// 经开区领导调研|区政务服务办事大厅 good
	// 经开区领导调研区|政务服务办事大厅 weak
	// 经开区领导调研区政务服务|办事大厅 good
}
