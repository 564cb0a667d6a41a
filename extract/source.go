package extract

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ArticleExts are the file extensions read when walking a directory.
var ArticleExts = map[string]bool{".txt": true, ".html": true, ".htm": true, ".md": true}

// Walk calls fn for every article under paths: files as given (any
// extension), directories walked recursively for ArticleExts, "-" for
// standard input. A file that cannot be read is passed to fn with its error
// so the caller can report it and go on; fn's own error stops the walk.
func Walk(paths []string, stdin io.Reader, fn func(doc Document, err error) error) error {
	for _, p := range paths {
		if p == "-" {
			b, err := io.ReadAll(stdin)
			if err := fn(Document{Path: "-", Data: b}, err); err != nil {
				return err
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			if err := fn(Document{Path: p}, err); err != nil {
				return err
			}
			continue
		}
		if !info.IsDir() {
			b, err := os.ReadFile(p)
			if err := fn(Document{Path: p, Data: b}, err); err != nil {
				return err
			}
			continue
		}
		var files []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return fn(Document{Path: path}, err)
			}
			if !d.IsDir() && ArticleExts[strings.ToLower(filepath.Ext(path))] {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return err
		}
		sort.Strings(files)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				err = fmt.Errorf("read: %w", err)
			}
			if err := fn(Document{Path: f, Data: b}, err); err != nil {
				return err
			}
		}
	}
	return nil
}
