package ingest

// Ahead checks text inputs before they are read. Each CSV is hashed and
// checked for text (NUL bytes, UTF-8 or Windows-1252) in a whole pass
// over its bytes before its rows can be parsed; Ahead makes those passes
// on a goroutine of their own, in the order given, so that they run on a
// core that would otherwise wait (while the suspects are read, or while
// the previous file is parsed) instead of in front of each read.
//
// A nil *Ahead checks each file when it is read.
type Ahead struct {
	// slots is filled by CheckAhead and only read afterwards.
	slots map[string]*aheadSlot
}

type aheadSlot struct {
	done chan struct{}
	info textInfo
	err  error
}

// CheckAhead starts checking the text files among paths (workbooks and
// repeated paths are skipped). A path may carry a "#Sheet" suffix.
func CheckAhead(paths []string) *Ahead {
	a := &Ahead{slots: map[string]*aheadSlot{}}
	var order []string
	for _, p := range paths {
		path, _ := splitSheet(p)
		if isWorkbook(path) || a.slots[path] != nil {
			continue
		}
		a.slots[path] = &aheadSlot{done: make(chan struct{})}
		order = append(order, path)
	}
	if len(order) == 0 {
		return a
	}
	go func() {
		for _, path := range order {
			s := a.slots[path]
			s.info, s.err = inspectText(path)
			close(s.done)
		}
	}()
	return a
}

// inspect returns the check of path: the one made ahead when there is
// one (waiting for it if need be), else one made now.
func (a *Ahead) inspect(path string) (textInfo, error) {
	if a != nil {
		if s := a.slots[path]; s != nil {
			<-s.done
			return s.info, s.err
		}
	}
	return inspectText(path)
}
