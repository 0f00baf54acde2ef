#!/usr/bin/env bash
# Extracts the interface msgids into po/avenir.pot and merges them into every po/<lang>.po:
#   scripts/update-po.sh            update po/avenir.pot and po/*.po in place
#   scripts/update-po.sh --check    change nothing; exit 1 if a po file would change
#   scripts/update-po.sh --pot      change nothing; print the template, every catalog's msgids
#                                   (the Catalog tests compare them with their own scan)
#
# A module may keep its own catalog: when src/modules/<m>/po/ exists, the msgids found only in that
# module's folder go to src/modules/<m>/po/<m>.pot and src/modules/<m>/po/<lang>.po (one per
# language of po/, created when missing), and the build merges them into the language's catalog.
# So a new module brings its translations in its own folder. Msgids also used elsewhere stay in po/.
#
# Msgids are found where the code shows interface text (the same places the Catalog tests check,
# src/core/i18n/catalog_test.cpp):
#   - templates (src/**/*.mustache): {{#t}}English text{{/t}}
#   - C++ (src/**/*.cpp, *.hpp, not *_test.cpp), when the text is a whole string literal:
#       tr(req, "..."), layout_.tr(req, "..."), env.tr("..."), catalog.translate(lang, "..."),
#       i18n::message(catalog, lang, "... {1} ...", values) (core/i18n/message.hpp)
#       public messages: NotFound("..."), Forbidden, BadRequest, Conflict, Unprocessable,
#       PayloadTooLarge; default messages `std::string pub = "..."` (errors.hpp); constants
#       kPublic... = "..."
#       error page texts: literals in the return statements of heading_for() and default_message()
#       navigation labels: reg.nav({.path = "/x", .label = "Label", ...})
# Entries are in order of first appearance: src/core, src/app, src/modules, then the rest of src/,
# each in byte order of path and each file top to bottom; the .pot notes the files of each msgid.
#
# Then for each po file: msgmerge --update --no-fuzzy-matching (a new msgid gets an empty msgstr to
# translate, never a guessed fuzzy one; an msgid no longer used becomes an obsolete "#~" entry:
# delete it once its translation is of no further use), --no-wrap and --no-location so the po
# files keep one line per string and no line references. Translate the empty msgstr entries, then
# build: msgfmt --check runs on every po file, and the Catalog tests fail on anything untranslated,
# fuzzy or missing.
set -euo pipefail

cd "$(dirname "$0")/.."
check=0
pot_only=0
case "${1:-}" in
  --check) check=1 ;;
  --pot) pot_only=1 ;;
  "") ;;
  *) echo "usage: $0 [--check | --pot]" >&2; exit 2 ;;
esac
for tool in perl msgmerge msgattrib; do
  command -v "$tool" >/dev/null || { echo "update-po: $tool not found (apt-get install gettext perl)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Modules with a catalog of their own.
own_catalogs=""
for d in src/modules/*/po; do
  [ -d "$d" ] || continue
  m=${d#src/modules/}; m=${m%/po}
  own_catalogs+="$m "
done
export AVENIR_OWN_CATALOGS=$own_catalogs AVENIR_POT_DIR=$work

# src/core, then src/app, then src/modules, then the rest of src; each in byte order of path.
sources() {
  [ $# -gt 0 ] || return 0
  find "$@" -type f \( -name '*.mustache' -o -name '*.cpp' -o -name '*.hpp' \) ! -name '*_test.cpp' -print0 | LC_ALL=C sort -z
}
{
  sources src/core
  sources src/app
  sources src/modules
  sources $(find src -mindepth 1 -maxdepth 1 ! -name core ! -name app ! -name modules)
} |
  perl -0 -e '
    use strict; use warnings;
    my (@order, %files);
    sub add { my ($id, $file) = @_; return if $id eq "";
              push @order, $id unless $files{$id}; push @{$files{$id}}, $file unless grep { $_ eq $file } @{$files{$id} || []}; }
    # Adjacent C++ literals at $pos of $text, unescaped; "" unless they are a whole argument.
    sub literals { my ($text, $pos) = @_; my $out = "";
      pos($text) = $pos;
      while ($text =~ /\G"((?:[^"\\]|\\.)*)"\s*/gc) {
        (my $s = $1) =~ s/\\(.)/$1 eq "n" ? "\n" : $1 eq "t" ? "\t" : $1/ge; $out .= $s; }
      return "" unless $text =~ /\G(?:[,);}:]|$)/gc;
      return $out; }
    my @calls = (qr/\btr\s*\(\s*[A-Za-z_][\w.>-]*\s*,\s*(?=")/,
                 qr/\btr\s*\(\s*(?=")/,
                 qr/\btranslate\s*\([^,()"]*,\s*(?=")/,
                 qr/\bmessage\s*\([^,()"]*,[^,()"]*,\s*(?=")/,
                 qr/\b(?:NotFound|Forbidden|BadRequest|Conflict|Unprocessable|PayloadTooLarge|ServiceUnavailable)\s*\(\s*(?=")/,
                 qr/\(\s*std::string\s+pub\s*=\s*(?=")/,
                 qr/\bkPublic\w*\s*=\s*(?=")/,
                 qr/\bnoop\s*\(\s*(?=")/,
                 qr/\.label\s*=\s*(?=")/);
    local $/ = "\0";
    while (my $file = <STDIN>) {
      chomp $file;
      open my $fh, "<:raw", $file or die "$file: $!"; local $/; my $text = <$fh>; close $fh;
      my @found;  # [position, msgid]
      if ($file =~ /\.mustache$/) {
        push @found, [$-[0], $1] while $text =~ /\{\{#t\}\}(.*?)\{\{\/t\}\}/gs;
      } else {
        for my $re (@calls) { while ($text =~ /$re/g) { push @found, [$+[0], literals($text, $+[0])]; } }
        while ($text =~ /\b(?:heading_for|default_message)\s*\([^)]*\)\s*\{(.*?)\n\}/gs) {
          my ($body, $start) = ($1, $-[1]);
          while ($body =~ /\breturn\b([^;]*);/g) {
            my ($stmt, $at) = ($1, $start + $-[1]);
            while ($stmt =~ /"(?:[^"\\]|\\.)*"/g) { push @found, [$at + $-[0], literals($stmt, $-[0])]; }
          }
        }
      }
      add($_->[1], $file) for sort { $a->[0] <=> $b->[0] } @found;
    }
    sub po { my $s = shift; $s =~ s/\\/\\\\/g; $s =~ s/"/\\"/g; $s =~ s/\n/\\n/g; $s =~ s/\t/\\t/g; return "\"$s\""; }
    # Which catalog an msgid belongs to: a module with its own, when only its files use it.
    my %own = map { $_ => 1 } split " ", ($ENV{AVENIR_OWN_CATALOGS} // "");
    sub owner { my %m; for (@{$files{$_[0]}}) { $m{m{^src/modules/([^/]+)/} ? $1 : ""} = 1; }
                my @m = keys %m; return (@m == 1 && $own{$m[0]}) ? $m[0] : ""; }
    my %out;
    for my $id (@order) { push @{$out{owner($id)}}, $id; }
    $out{$_} //= [] for ("", keys %own);
    for my $cat (sort keys %out) {
      my $path = $ENV{AVENIR_POT_DIR} . "/" . ($cat eq "" ? "avenir" : "module-$cat") . ".pot";
      open my $fh, ">", $path or die "$path: $!";
      print $fh "# Avenir interface strings", ($cat eq "" ? "" : " of the $cat module"), ". Generated by scripts/update-po.sh: do not edit.\n",
            "msgid \"\"\nmsgstr \"\"\n",
            "\"Project-Id-Version: avenir\\n\"\n\"MIME-Version: 1.0\\n\"\n",
            "\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Content-Transfer-Encoding: 8bit\\n\"\n";
      for my $id (@{$out{$cat}}) { print $fh "\n#: ", join(" ", @{$files{$id}}), "\nmsgid ", po($id), "\nmsgstr \"\"\n"; }
      close $fh;
    }
  ' 

if [ $pot_only = 1 ]; then
  cat "$work/avenir.pot"
  for m in $own_catalogs; do
    sed '1,/^$/d' "$work/module-$m.pot"
  done
  exit 0
fi
count=$(cat "$work"/*.pot | grep -c '^msgid ')
echo "update-po: $((count - 1 - $(echo $own_catalogs | wc -w))) msgids"

changed=0
# merge TEMPLATE PO: msgmerge into a copy, report, copy back unless --check.
# A third argument is a compendium: exact translations found there fill new entries (a string that
# moves from po/ into a module's catalog keeps its translation).
merge() {
  local pot=$1 po=$2 copy
  copy="$work/merge.$(echo "$po" | tr / _)"
  cp "$po" "$copy"
  msgmerge --quiet --update --no-fuzzy-matching --backup=none --no-wrap --no-location ${3:+--compendium "$3"} "$copy" "$pot"
  if ! cmp -s "$po" "$copy"; then
    changed=1
    echo "update-po: $po $( [ $check = 1 ] && echo 'would change' || echo 'updated')"
    [ $check = 1 ] || cp "$copy" "$po"
  fi
  untranslated=$(LC_ALL=C msgattrib --untranslated --no-obsolete --no-wrap "$copy" |
    grep '^msgid ' | grep -vc '^msgid ""$' || true)
  if [ "$untranslated" -gt 0 ]; then echo "update-po: $po has $untranslated msgid(s) to translate"; fi
}
for m in $own_catalogs; do
  pot="$work/module-$m.pot"
  for platform_po in po/*.po; do
    po="src/modules/$m/po/$(basename "$platform_po")"
    if [ ! -f "$po" ]; then
      # A new catalog: the platform's header (language, plural forms), no entries.
      if [ $check = 1 ]; then echo "update-po: $po would be created"; changed=1; continue; fi
      awk 'NR > 1 && /^$/ { exit } { print }' "$platform_po" >"$po"
      echo "update-po: $po created"
    fi
    merge "$pot" "$po" "$platform_po"
  done
  [ $check = 1 ] || cp "$pot" "src/modules/$m/po/$m.pot"
done
# The modules' catalogs (their obsolete entries included) are the platform's compendium: a string
# that moves from a module into po/ (now used by two modules) keeps its translation.
for po in po/*.po; do
  comp="$work/compendium.$(basename "$po")"
  : >"$comp"
  for module_po in src/modules/*/po/"$(basename "$po")"; do
    [ -f "$module_po" ] || continue
    msgattrib --clear-obsolete --no-wrap "$module_po" >"$work/active.po"
    if [ -s "$comp" ]; then msgcat --use-first --no-wrap "$comp" "$work/active.po" -o "$comp"; else cp "$work/active.po" "$comp"; fi
  done
  merge "$work/avenir.pot" "$po" "$comp"
done
if [ $check = 1 ]; then
  exit $changed
fi
cp "$work/avenir.pot" po/avenir.pot
