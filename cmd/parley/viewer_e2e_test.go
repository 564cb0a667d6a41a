package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"image/png"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The viewer end to end: the real binary serves the seeds, headless Chromium
// loads the page. Set PARLEY_VIEWER_SCREENSHOT=FILE.png to keep the
// screenshot.

const chromiumSkip = "chromium is not installed (.ci/run installs Debian's chromium package)"

// chromiumPath returns the browser, skipping the test without one.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip(chromiumSkip)
	return ""
}

// chromiumArgs are the flags every run uses: headless, as root, offline.
func chromiumArgs(t *testing.T, extra ...string) []string {
	dir, err := os.MkdirTemp("", "parley-chromium")
	if err != nil {
		t.Fatal(err)
	}
	// not t.TempDir: Chromium's helper processes may still be writing
	// their last files when the test ends, and that is no failure
	t.Cleanup(func() {
		for i := 0; i < 20 && os.RemoveAll(dir) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	})
	return append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + dir, "--hide-scrollbars", "--window-size=1280,900"}, extra...)
}

// chromiumRun runs a one-shot Chromium (--dump-dom, --screenshot) on a URL.
func chromiumRun(t *testing.T, browser, u string, flags ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, append(chromiumArgs(t, flags...), u)...)
	cmd.WaitDelay = 5 * time.Second
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v %s: %v\n%s", flags, u, err, tail(errb.String(), 2000))
	}
	return out.String()
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// viewerServer ingests the seeds and serves them; it returns the base URL.
// The server is stopped (cancelled, then waited for) when the test ends.
func viewerServer(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "news.db")
	mustRun(t, "ingest", "--db", db, seeds)
	addr := freePort(t)
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "serve", "--db", db, "--addr", addr)
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); cmd.Wait() })
	base := "http://" + addr
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/api/suggest?q=putin")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return base
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("server did not come up: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// viewerMeeting is a meeting as /api/node gives it.
type viewerMeeting struct {
	ID       string `json:"id"`
	Date     string `json:"date"`
	Places   []struct{ Name string }
	Topics   []struct{ Name string }
	Evidence []struct {
		Article *struct {
			ID       string `json:"id"`
			Headline string `json:"headline"`
		} `json:"article"`
		Sentences []string `json:"sentences"`
	} `json:"evidence"`
}

// sochiMeeting finds, through the JSON API, the seeds' meeting of Erdoğan
// and Putin in Sochi in October 2019.
func sochiMeeting(t *testing.T, base string) viewerMeeting {
	t.Helper()
	resp, err := http.Get(base + "/api/node?id=" + url.QueryEscape("person/vladimir-putin"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var n struct {
		Meetings []viewerMeeting `json:"meetings"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&n); err != nil {
		t.Fatal(err)
	}
	for _, m := range n.Meetings {
		if len(m.Places) == 1 && m.Places[0].Name == "Sochi" {
			if m.Date != "2019-10" || len(m.Evidence) == 0 || len(m.Evidence[0].Sentences) == 0 || m.Evidence[0].Article == nil {
				t.Fatalf("the Sochi meeting over the API: %+v", m)
			}
			return m
		}
	}
	t.Fatalf("Putin has no meeting in Sochi: %+v", n.Meetings)
	return viewerMeeting{}
}

// section returns the element of s that starts with open, up to close.
func section(s, open, close string) string {
	i := strings.Index(s, open)
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i:], close)
	if j < 0 {
		return s[i:]
	}
	return s[i : i+j]
}

func TestViewerInChromium(t *testing.T) {
	browser := chromiumPath(t)
	base := viewerServer(t)
	sochi := sochiMeeting(t, base)

	t.Run("drawing", func(t *testing.T) {
		dom := chromiumRun(t, browser, base+"/?q=Putin", "--dump-dom")
		svg := html.UnescapeString(section(dom, `<svg id="graph"`, "</svg>"))
		for _, want := range []string{"Recep Tayyip Erdoğan", "Vladimir Putin", "Sochi", "Astana", sochi.ID} {
			if !strings.Contains(svg, want) {
				t.Errorf("the drawing lacks %q:\n%.3000s", want, dom)
			}
		}
		if n := strings.Count(svg, "<line "); n < 10 {
			t.Errorf("the drawing has %d edges", n)
		}
	})

	t.Run("meeting", func(t *testing.T) {
		u := base + "/?q=Putin&node=" + url.QueryEscape(sochi.ID)
		dom := chromiumRun(t, browser, u, "--dump-dom")
		details := html.UnescapeString(section(dom, `<aside id="details"`, "</aside>"))
		for _, want := range []string{`data-selected="` + sochi.ID + `"`, "2019-10", "Sochi", "Joint military patrols", "Syria",
			"in person, held", sochi.Evidence[0].Sentences[0], "joint military patrols in northeast Syria",
			"/article?id=" + url.QueryEscape(sochi.Evidence[0].Article.ID), sochi.Evidence[0].Article.Headline} {
			if !strings.Contains(details, want) {
				t.Errorf("the details lack %q:\n%s", want, details)
			}
		}
		if strings.Contains(details, "Astana") {
			t.Errorf("the details of the Sochi meeting show the Astana meeting:\n%s", details)
		}
		if !regexp.MustCompile(`class="node nav meeting selected"[^>]*data-id="` + regexp.QuoteMeta(sochi.ID)).MatchString(dom) {
			t.Errorf("the Sochi meeting is not selected in the drawing")
		}
	})

	t.Run("screenshot", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "putin.png")
		chromiumRun(t, browser, base+"/?q=Putin&node="+url.QueryEscape(sochi.ID), "--screenshot="+file)
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if keep := os.Getenv("PARLEY_VIEWER_SCREENSHOT"); keep != "" {
			os.WriteFile(keep, b, 0o644)
		}
		checkScreenshot(t, b)
	})

	t.Run("interactive", func(t *testing.T) {
		interactive(t, browser, base, sochi)
	})
}

// checkScreenshot checks that a PNG is a 1280×900 page with a drawing: many
// colours, not mostly blank, and the colours of people and places where the
// drawing is.
func checkScreenshot(t *testing.T, b []byte) {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatalf("not a PNG (%d bytes)", len(b))
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("PNG: %v", err)
	}
	r := img.Bounds()
	if r.Dx() != 1280 || r.Dy() != 900 {
		t.Fatalf("screenshot is %v, want 1280×900", r)
	}
	colours := map[[3]uint32]bool{}
	blank, person, place := 0, 0, 0
	near := func(c [3]uint32, r, g, b uint32) bool {
		d := func(a, b uint32) uint32 {
			if a > b {
				return a - b
			}
			return b - a
		}
		return d(c[0], r)+d(c[1], g)+d(c[2], b) < 30
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			c := [3]uint32{cr >> 8, cg >> 8, cb >> 8}
			colours[c] = true
			if c[0] > 240 && c[1] > 240 && c[2] > 240 {
				blank++
			}
			if x < 800 && y > 120 { // the drawing, left of the details panel
				if near(c, 0x2f, 0x6d, 0xb5) {
					person++
				}
				if near(c, 0x2e, 0x9a, 0x5b) {
					place++
				}
			}
		}
	}
	total := r.Dx() * r.Dy()
	t.Logf("screenshot: %d colours, %.0f%% near white, %d person and %d place pixels", len(colours), 100*float64(blank)/float64(total), person, place)
	if len(colours) < 100 {
		t.Errorf("only %d colours: a blank or broken page", len(colours))
	}
	if blank > total*97/100 {
		t.Errorf("%d of %d pixels are white", blank, total)
	}
	if person < 200 || place < 50 {
		t.Errorf("the drawing shows no people (%d px) or places (%d px)", person, place)
	}
}

// interactive drives the page as a person would, over the DevTools
// protocol: type a prefix, pick the suggestion, click a meeting in the
// drawing, go back and forward, follow the source link.
func interactive(t *testing.T, browser, base string, sochi viewerMeeting) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, chromiumArgs(t, "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "about:blank")...)
	cmd.WaitDelay = 5 * time.Second
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var c *cdpConn
	defer func() {
		if c != nil {
			c.call("Browser.close", nil) // a clean exit; the context kills it otherwise
			c.close()
		}
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cancel()
			<-done
		}
	}()
	// "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID"
	reWS := regexp.MustCompile(`DevTools listening on (ws://\S+)`)
	sc := bufio.NewScanner(stderr)
	var browserWS string
	for sc.Scan() {
		if m := reWS.FindStringSubmatch(sc.Text()); m != nil {
			browserWS = m[1]
			break
		}
	}
	go io.Copy(io.Discard, stderr)
	if browserWS == "" {
		t.Fatal("chromium did not start its DevTools server")
	}
	wsURL, err := url.Parse(browserWS)
	if err != nil {
		t.Fatal(err)
	}
	pageWS := ""
	for i := 0; i < 50 && pageWS == ""; i++ {
		var targets []struct{ Type, WebSocketDebuggerURL string }
		resp, err := http.Get("http://" + wsURL.Host + "/json/list")
		if err == nil {
			json.NewDecoder(resp.Body).Decode(&targets)
			resp.Body.Close()
		}
		for _, tg := range targets {
			if tg.Type == "page" && tg.WebSocketDebuggerURL != "" {
				pageWS = tg.WebSocketDebuggerURL
				break
			}
		}
		if pageWS == "" {
			time.Sleep(100 * time.Millisecond)
		}
	}
	if pageWS == "" {
		t.Fatal("no page target")
	}
	c, err = dialCDP(pageWS)
	if err != nil {
		t.Fatal(err)
	}

	eval := func(expr string) json.RawMessage {
		t.Helper()
		v, err := c.eval(expr)
		if err != nil {
			t.Fatalf("evaluate %s: %v", expr, err)
		}
		return v
	}
	waitFor := func(what, expr string) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for {
			v, err := c.eval(expr)
			if err == nil && string(v) == "true" {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("waiting for %s: %s is %s (%v)\npage: %s", what, expr, v, err,
					tail(string(eval(`document.body ? document.body.innerText : ""`)), 1500))
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	click := func(what, expr string) {
		// expr yields the element; click the middle of its (first) box with
		// the mouse, after checking that nothing covers it there
		t.Helper()
		var p struct {
			X, Y float64
			OK   bool
		}
		js := `(() => { const el = ` + expr + `; if (!el) return {ok: false};
			el.scrollIntoView({block: "center"});
			const r = el.getClientRects()[0] || el.getBoundingClientRect(); // a wrapped link: its first line
			const x = r.left + r.width / 2, y = r.top + r.height / 2;
			const hit = document.elementFromPoint(x, y);
			return {x, y, ok: !!hit && (hit === el || el.contains(hit))}; })()`
		if err := json.Unmarshal(eval(js), &p); err != nil || !p.OK {
			t.Fatalf("%s: not found or covered at its middle (%s)", what, expr)
		}
		for _, typ := range []string{"mouseMoved", "mousePressed", "mouseReleased"} {
			if _, err := c.call("Input.dispatchMouseEvent", map[string]any{"type": typ, "x": p.X, "y": p.Y, "button": "left", "clickCount": 1}); err != nil {
				t.Fatalf("click %s: %v", what, err)
			}
		}
	}
	str := func(expr string) string {
		t.Helper()
		var s string
		json.Unmarshal(eval(expr), &s)
		return s
	}

	if _, err := c.call("Page.navigate", map[string]any{"url": base + "/"}); err != nil {
		t.Fatal(err)
	}
	waitFor("the page", `document.readyState === "complete" && !!document.getElementById("q")`)

	// type a prefix: the suggestions list Vladimir Putin
	eval(`document.getElementById("q").focus()`)
	if _, err := c.call("Input.insertText", map[string]any{"text": "puti"}); err != nil {
		t.Fatal(err)
	}
	const putinItem = `[...document.querySelectorAll("#suggestions li")].find(li => li.textContent.includes("Vladimir Putin"))`
	waitFor("a suggestion", `!!`+putinItem+` && !document.getElementById("suggestions").hidden`)

	// pick it: the page draws Putin's network
	click("the suggestion", putinItem)
	waitFor("the drawing", `new URLSearchParams(location.search).get("q") === "Vladimir Putin" && document.readyState === "complete" && !!document.getElementById("graph")`)
	if got := str(`document.getElementById("q").value`); got != "Vladimir Putin" {
		t.Errorf("the search box holds %q", got)
	}
	if svg := str(`document.getElementById("graph").textContent`); !strings.Contains(svg, "Recep Tayyip Erdoğan") {
		t.Errorf("the drawing lacks Erdoğan: %.500s", svg)
	}
	if got := str(`document.getElementById("details").dataset.selected`); got != "https://w3id.org/parley/id/person/vladimir-putin" {
		t.Errorf("the details show %q, want Putin", got)
	}

	// click the Sochi meeting: its details appear in place, the URL names it
	eval(`window.parleyNoReload = true`)
	node := `[...document.querySelectorAll("#graph a.node")].find(a => a.dataset.id === ` + jsString(sochi.ID) + `).querySelector("rect")`
	click("the Sochi meeting", node)
	waitFor("the meeting's details", `document.getElementById("details").dataset.selected === `+jsString(sochi.ID))
	if string(eval(`window.parleyNoReload === true`)) != "true" {
		t.Errorf("the page reloaded instead of showing the details in place")
	}
	if got := str(`new URLSearchParams(location.search).get("node")`); got != sochi.ID {
		t.Errorf("the URL names node %q, want %q", got, sochi.ID)
	}
	details := str(`document.getElementById("details").innerText`)
	for _, want := range []string{"2019-10", "Sochi", "Joint military patrols", sochi.Evidence[0].Sentences[0], sochi.Evidence[0].Article.Headline} {
		if !strings.Contains(details, want) {
			t.Errorf("the details lack %q:\n%s", want, details)
		}
	}
	if got := str(`document.querySelector("#graph a.node.selected").dataset.id`); got != sochi.ID {
		t.Errorf("selected in the drawing: %q", got)
	}

	// back and forward move between the selections without reloading
	eval(`history.back()`)
	waitFor("Putin's details again", `document.getElementById("details").dataset.selected === "https://w3id.org/parley/id/person/vladimir-putin"`)
	eval(`history.forward()`)
	waitFor("the meeting again", `document.getElementById("details").dataset.selected === `+jsString(sochi.ID))
	if string(eval(`window.parleyNoReload === true`)) != "true" {
		t.Errorf("back or forward reloaded the page")
	}

	// the sentence's source: the article page
	click("the source link", `document.querySelector("#details a.source")`)
	waitFor("the article", `location.pathname === "/article" && document.readyState === "complete"`)
	if h := str(`document.querySelector("h1").textContent`); h != sochi.Evidence[0].Article.Headline {
		t.Errorf("the article page is headed %q, want %q", h, sochi.Evidence[0].Article.Headline)
	}
	if body := str(`document.body.innerText`); !strings.Contains(body, sochi.Evidence[0].Sentences[0]) {
		t.Errorf("the article page lacks the sentence:\n%s", body)
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// cdpConn is a minimal client of the Chrome DevTools protocol: JSON
// messages over a websocket (RFC 6455), text frames only.
type cdpConn struct {
	conn net.Conn
	br   *bufio.Reader
	next int
}

func dialCDP(wsURL string) (*cdpConn, error) {
	u, err := url.Parse(wsURL)
	if err != nil {
		return nil, err
	}
	conn, err := net.DialTimeout("tcp", u.Host, 10*time.Second)
	if err != nil {
		return nil, err
	}
	keyb := make([]byte, 16)
	rand.Read(keyb)
	key := base64.StdEncoding.EncodeToString(keyb)
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
		"Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n", u.RequestURI(), u.Host, key)
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, &http.Request{Method: "GET"})
	if err != nil {
		conn.Close()
		return nil, err
	}
	sum := sha1.Sum([]byte(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"))
	if resp.StatusCode != http.StatusSwitchingProtocols || resp.Header.Get("Sec-WebSocket-Accept") != base64.StdEncoding.EncodeToString(sum[:]) {
		conn.Close()
		return nil, fmt.Errorf("websocket handshake: %s", resp.Status)
	}
	return &cdpConn{conn: conn, br: br}, nil
}

func (c *cdpConn) close() { c.conn.Close() }

// writeFrame sends one masked frame, as a client must.
func (c *cdpConn) writeFrame(opcode byte, payload []byte) error {
	hdr := []byte{0x80 | opcode}
	switch n := len(payload); {
	case n < 126:
		hdr = append(hdr, 0x80|byte(n))
	case n <= 0xffff:
		hdr = append(hdr, 0x80|126, byte(n>>8), byte(n))
	default:
		hdr = binary.BigEndian.AppendUint64(append(hdr, 0x80|127), uint64(n))
	}
	mask := make([]byte, 4)
	rand.Read(mask)
	hdr = append(hdr, mask...)
	masked := make([]byte, len(payload))
	for i, b := range payload {
		masked[i] = b ^ mask[i%4]
	}
	_, err := c.conn.Write(append(hdr, masked...))
	return err
}

// readMessage returns the next text message, answering pings and joining
// fragments.
func (c *cdpConn) readMessage() ([]byte, error) {
	var msg []byte
	for {
		var h [2]byte
		if _, err := io.ReadFull(c.br, h[:]); err != nil {
			return nil, err
		}
		fin, opcode := h[0]&0x80 != 0, h[0]&0x0f
		n := uint64(h[1] & 0x7f)
		switch n {
		case 126:
			var b [2]byte
			if _, err := io.ReadFull(c.br, b[:]); err != nil {
				return nil, err
			}
			n = uint64(binary.BigEndian.Uint16(b[:]))
		case 127:
			var b [8]byte
			if _, err := io.ReadFull(c.br, b[:]); err != nil {
				return nil, err
			}
			n = binary.BigEndian.Uint64(b[:])
		}
		var mask []byte
		if h[1]&0x80 != 0 {
			mask = make([]byte, 4)
			if _, err := io.ReadFull(c.br, mask); err != nil {
				return nil, err
			}
		}
		if n > 64<<20 {
			return nil, fmt.Errorf("websocket frame of %d bytes", n)
		}
		payload := make([]byte, n)
		if _, err := io.ReadFull(c.br, payload); err != nil {
			return nil, err
		}
		if mask != nil {
			for i := range payload {
				payload[i] ^= mask[i%4]
			}
		}
		switch opcode {
		case 0x8:
			return nil, errors.New("websocket closed")
		case 0x9:
			if err := c.writeFrame(0xA, payload); err != nil {
				return nil, err
			}
			continue
		case 0xA:
			continue
		}
		msg = append(msg, payload...)
		if fin {
			return msg, nil
		}
	}
}

// call sends a command and returns its result, skipping events.
func (c *cdpConn) call(method string, params any) (json.RawMessage, error) {
	c.next++
	id := c.next
	req, err := json.Marshal(map[string]any{"id": id, "method": method, "params": params})
	if err != nil {
		return nil, err
	}
	c.conn.SetDeadline(time.Now().Add(30 * time.Second))
	if err := c.writeFrame(0x1, req); err != nil {
		return nil, err
	}
	for {
		b, err := c.readMessage()
		if err != nil {
			return nil, err
		}
		var resp struct {
			ID     int             `json:"id"`
			Result json.RawMessage `json:"result"`
			Error  *struct {
				Message string `json:"message"`
			} `json:"error"`
		}
		if err := json.Unmarshal(b, &resp); err != nil {
			return nil, err
		}
		if resp.ID != id {
			continue // an event, or the answer to an abandoned call
		}
		if resp.Error != nil {
			return nil, fmt.Errorf("%s: %s", method, resp.Error.Message)
		}
		return resp.Result, nil
	}
}

// eval evaluates a JavaScript expression in the page and returns its value
// as JSON.
func (c *cdpConn) eval(expr string) (json.RawMessage, error) {
	res, err := c.call("Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true})
	if err != nil {
		return nil, err
	}
	var r struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	if err := json.Unmarshal(res, &r); err != nil {
		return nil, err
	}
	if r.ExceptionDetails != nil {
		return nil, fmt.Errorf("%s %s", r.ExceptionDetails.Text, r.ExceptionDetails.Exception.Description)
	}
	return r.Result.Value, nil
}
