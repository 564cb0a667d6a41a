package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	boltkv "github.com/cayleygraph/cayley/graph/kv/bolt"
	_ "github.com/cayleygraph/cayley/graph/memstore" // memory backend
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// DefaultLocation is where the embedded store lives when neither --db nor
// $PARLEY_DB says otherwise.
const DefaultLocation = "parley.db"

// Location returns the store location to use: flag if set, else $PARLEY_DB,
// else DefaultLocation.
func Location(flag string) string {
	if flag != "" {
		return flag
	}
	if env := os.Getenv("PARLEY_DB"); env != "" {
		return env
	}
	return DefaultLocation
}

// Store is an open Parley graph: a Cayley quad store plus the writer rules
// (replace-by-article) that keep it consistent.
type Store struct {
	qs       graph.QuadStore
	backend  string
	location string
	readOnly bool
	mu       sync.Mutex // serialises writers within this process
}

// OpenOptions tune Open.
type OpenOptions struct {
	// ReadOnly refuses writes through this Store.
	ReadOnly bool
	// NoCreate fails instead of creating a missing store.
	NoCreate bool
}

// ParseLocation splits a location into backend and address. Forms:
// "memory:" (or "mem:"), "bolt:PATH", or a plain path (bolt).
func ParseLocation(loc string) (backend, addr string) {
	switch {
	case loc == "memory:" || loc == "mem:" || loc == "memory":
		return "memstore", ""
	case strings.HasPrefix(loc, "bolt:"):
		return "bolt", strings.TrimPrefix(loc, "bolt:")
	default:
		return "bolt", loc
	}
}

// labelIndexes are the kv indexes Parley creates: Cayley's defaults plus an
// index by label, so that an article's quads are found without a scan.
func labelIndexes() []kv.QuadIndex {
	idx := append([]kv.QuadIndex{}, kv.DefaultQuadIndexes...)
	return append(idx, kv.QuadIndex{Dirs: []quad.Direction{quad.Label}})
}

var initMu sync.Mutex

// Open opens (creating on first use unless opt.NoCreate) the store at loc.
func Open(ctx context.Context, loc string, opt OpenOptions) (*Store, error) {
	backend, addr := ParseLocation(loc)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	opts := graph.Options{kv.OptNoBloom: true}
	if backend == "bolt" {
		if addr == "" {
			return nil, fmt.Errorf("open store: empty bolt path")
		}
		if _, err := os.Stat(filepath.Join(addr, "indexes.bolt")); errors.Is(err, os.ErrNotExist) {
			if opt.NoCreate || opt.ReadOnly {
				return nil, fmt.Errorf("open store %s: no Parley store there (run 'parley ingest' first)", addr)
			}
			if err := os.MkdirAll(addr, 0o755); err != nil {
				return nil, fmt.Errorf("create store %s: %w", addr, err)
			}
			if err := initKV(backend, addr, opts); err != nil {
				return nil, fmt.Errorf("create store %s: %w", addr, err)
			}
		}
	}
	qs, err := graph.NewQuadStore(backend, addr, opts)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", loc, err)
	}
	return &Store{qs: qs, backend: backend, location: loc, readOnly: opt.ReadOnly}, nil
}

// initKV creates a bolt store the way Cayley does, then records one more
// index (by label) in the store's own metadata. Cayley reads the index list
// from that metadata when it opens a store, so the upstream cayley command
// opens Parley's stores as they are. (Upstream's CAYLEY_KV_INDEXES variable
// would be the documented way, but v0.7.7 cannot decode it.)
func initKV(backend, addr string, opts graph.Options) error {
	initMu.Lock()
	defer initMu.Unlock()
	db, err := boltkv.Create(addr, opts)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := kv.Init(db, opts); err != nil {
		return err
	}
	idx := labelIndexes()
	data, err := json.Marshal(idx)
	if err != nil {
		return err
	}
	ctx := context.Background()
	return hkv.Update(ctx, db, func(tx hkv.Tx) error {
		label := idx[len(idx)-1]
		if err := hkv.CreateBucket(ctx, tx, hkv.Key{[]byte{label.Dirs[0].Prefix()}}); err != nil {
			return err
		}
		return tx.Put(hkv.Key{[]byte("meta"), []byte("indexes")}, data)
	})
}

// Close releases the store.
func (s *Store) Close() error { return s.qs.Close() }

// Location is the location the store was opened from.
func (s *Store) Location() string { return s.location }

// QuadStore exposes the underlying Cayley store to Parley's own query and
// server code. Other packages should not need it.
func (s *Store) QuadStore() graph.QuadStore { return s.qs }

// Size returns the number of quads stored.
func (s *Store) Size(ctx context.Context) (int64, error) {
	st, err := s.qs.Stats(ctx, false)
	if errors.Is(err, kv.ErrNoBucket) {
		return 0, nil // a new store that has never been written
	}
	if err != nil {
		return 0, err
	}
	return st.Quads.Size, nil
}
