module broadsheet

go 1.26.8
