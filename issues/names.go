package issues

import "fmt"

// ArticleItem names the i-th article (0-based) as errors and reports do: "article[2]".
func ArticleItem(i int) string { return fmt.Sprintf("article[%d]", i) }

// PhotoItem names photo k of article i: "article[2].photo[0]".
func PhotoItem(i, k int) string { return fmt.Sprintf("%s.photo[%d]", ArticleItem(i), k) }

// PlaceItem names the pin of article i: "article[2].place".
func PlaceItem(i int) string { return ArticleItem(i) + ".place" }
