#!/usr/bin/python3
"""Generate the PacsNode.Dicom data dictionary from pydicom's PS3.6 tables.

Inputs (read as files, never imported as the pydicom package, so a change in pydicom's import-time
behaviour cannot change the output):
  pydicom/_dicom_dict.py    public tags: VR, VM, name, retired flag, keyword (exact and repeating)
  pydicom/_uid_dict.py      UIDs: name, type, retired flag, keyword
  pydicom/_private_dict.py  private dictionaries; only the creators in PYDICOM_PRIVATE_CREATORS are taken
  pydicom/_version.py       the pydicom version and the DICOM edition its tables come from
  scripts/dictionary/private-pet.tsv  private entries pydicom lacks (with their sources)

Outputs, in the output directory (default src/PacsNode.Dicom/Dictionary/Generated):
  DicomTag.g.cs                             a named DicomTag for every keyword of a non-repeating tag, as a
                                            static property (see generate_tag_constants for why not a field);
                                            repeating-group tags (60xx,3000) get no name, only a masked entry
  DicomUid.g.cs                             a const string for every UID with a keyword
  DicomDictionaryData.PublicTags.g.cs       the public table, one line per tag, parsed lazily at run time
  DicomDictionaryData.Uids.g.cs             the UID table
  DicomDictionaryData.PrivateTags.g.cs      the private table

The output depends only on the inputs: entries are sorted, nothing depends on time, host or path, and
files are rewritten only when their text changes. Usage:
  /usr/bin/python3 scripts/gen-dictionary.py [--pydicom-dir DIR] [OUTPUT_DIR]
"""

import argparse
import hashlib
import os
import re
import sys

SCRIPT_PATH = "scripts/gen-dictionary.py"
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUTPUT = os.path.join(REPO_ROOT, "src", "PacsNode.Dicom", "Dictionary", "Generated")
DEFAULT_PYDICOM = "/usr/lib/python3/dist-packages/pydicom"
PRIVATE_TSV = os.path.join(REPO_ROOT, "scripts", "dictionary", "private-pet.tsv")
PRIVATE_TSV_NAME = "scripts/dictionary/private-pet.tsv"
DEBIAN_PACKAGE = "python3-pydicom"
NAMESPACE = "PacsNode.Dicom.Dictionary"

# Private creators whose whole blocks are taken from pydicom (PET vendors' SUV-related blocks).
PYDICOM_PRIVATE_CREATORS = ("GEMS_PETD_01", "Philips PET Private Group")

# PS3.5 table 6.2-1.
VALID_VRS = frozenset(
    "AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV".split())

# pydicom's UID type strings onto PacsNode.Dicom.Dictionary.DicomUidType; anything else becomes Other.
UID_TYPES = {
    "Transfer Syntax": "TransferSyntax",
    "SOP Class": "SopClass",
    "Meta SOP Class": "MetaSopClass",
    "Well-known SOP Instance": "WellKnownSopInstance",
    "Well-known Printer SOP Instance": "WellKnownSopInstance",
    "Well-known Print Queue SOP Instance": "WellKnownSopInstance",
    "Well-known frame of reference": "WellKnownFrameOfReference",
    "Application Context Name": "ApplicationContextName",
    "Application Hosting Model": "ApplicationHostingModel",
    "Coding Scheme": "CodingScheme",
    "DICOM UIDs as a Coding Scheme": "CodingScheme",
    "Service Class": "ServiceClass",
    "Mapping Resource": "MappingResource",
    "LDAP OID": "LdapOid",
    "Synchronization Frame of Reference": "SynchronizationFrameOfReference",
}

# Members DicomTag already has; a keyword equal to one of them cannot become a named tag.
DICOM_TAG_MEMBERS = frozenset((
    "Group", "Element", "Value", "FromValue", "IsPrivate", "IsPrivateCreator", "PrivateCreatorTag",
    "IsGroupLength", "CompareTo", "ToString", "TryParse", "Equals", "GetHashCode", "Deconstruct",
    "EqualityContract", "PrintMembers", "DicomTag"))

# Members of the hand-written part of DicomUid.
DICOM_UID_MEMBERS = frozenset(("LookupUid", "GetName", "DicomUid"))

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
PATTERN = re.compile(r"[0-9A-Fx]{8}\Z")
FIELD_FORBIDDEN = re.compile(r'[|\r\n]|"""')


class GeneratorError(Exception):
    pass


class Source:
    """One input file: its path as the header names it, its SHA-256 and the names it defines."""

    def __init__(self, display_name, path):
        with open(path, "rb") as handle:
            data = handle.read()
        self.display_name = display_name
        # Hashed with LF line endings, so a CRLF checkout of the repository's own inputs gives the same header.
        self.sha256 = hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()
        self.text = data.decode("utf-8")
        self.path = path

    def execute(self):
        namespace = {"__name__": "pacsnode_dictionary_input", "__file__": self.path}
        exec(compile(self.text, self.path, "exec"), namespace)  # noqa: S102 - trusted, local package file
        return namespace


def check_field(value, what):
    if FIELD_FORBIDDEN.search(value) or any(ord(c) < 0x20 or ord(c) > 0x7E for c in value):
        raise GeneratorError(f"{what}: {value!r} has a character the table format cannot hold")
    return value


def normalise_vrs(text, what):
    """'US or SS' -> 'US/SS', 'OB_OW' -> 'OB/OW', 'NONE' (items and delimiters) -> ''."""
    if text == "NONE":
        return ""
    parts = [p.strip() for p in re.split(r" or |_|/", text)]
    for part in parts:
        if part not in VALID_VRS:
            raise GeneratorError(f"{what}: unknown VR {part!r} in {text!r}")
    return "/".join(parts)


def xml_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def format_tag(value):
    return f"({value >> 16:04X},{value & 0xFFFF:04X})"


def format_pattern(pattern):
    return f"({pattern[:4]},{pattern[4:]})"


def keyword_from_name(name):
    """A private entry's keyword: the name's words, each with an upper-case first letter, joined."""
    words = re.findall(r"[A-Za-z0-9]+", name)
    return "".join(w[0].upper() + w[1:] for w in words)


def header(sources):
    lines = [
        "// <auto-generated>",
        f"//   Generated by {SCRIPT_PATH}. Do not edit: change the script or its inputs and run it again.",
    ]
    for source, description in sources:
        lines.append(f"//   {description}: {source.display_name}")
        lines.append(f"//     sha256 {source.sha256}")
    lines.append("// </auto-generated>")
    lines.append("")
    lines.append("#nullable enable")
    lines.append("")
    lines.append(f"namespace {NAMESPACE};")
    lines.append("")
    return lines


def raw_utf8_property(name, doc, rows):
    lines = [
        f"    /// <summary>{doc}</summary>",
        f"    internal static ReadOnlySpan<byte> {name} => \"\"\"",
    ]
    lines.extend("        " + row for row in rows)
    lines.append("        \"\"\"u8;")
    return lines


def load_public(source):
    namespace = source.execute()
    exact = namespace["DicomDictionary"]
    repeaters = namespace["RepeatersDictionary"]
    rows = []
    for value in sorted(exact):
        vr, vm, name, retired, keyword = exact[value]
        what = format_tag(value)
        rows.append((f"{value:08X}", normalise_vrs(vr, what), vm, retired == "Retired", keyword, name))
    repeating = []
    for key in sorted(repeaters):
        vr, vm, name, retired, keyword = repeaters[key]
        pattern = "".join(c if c == "x" else c.upper() for c in key)
        if not PATTERN.match(pattern) or "x" not in pattern:
            raise GeneratorError(f"repeating tag key {key!r} is not a gggg/eeee pattern with 'x' digits")
        what = format_pattern(pattern)
        repeating.append((pattern, normalise_vrs(vr, what), vm, retired == "Retired", keyword, name))
    return rows, repeating


def table_row(pattern, vrs, vm, retired, keyword, name):
    what = format_pattern(pattern)
    fields = (pattern, vrs, check_field(vm, what), "R" if retired else "", check_field(keyword, what),
              check_field(name, what))
    return "|".join(fields)


def generate_public_data(sources, rows, repeating):
    # Repeating patterns are tried most specific first: more fixed bits, then pattern order.
    def fixed_bits(pattern):
        return sum(4 for c in pattern if c != "x")

    repeating = sorted(repeating, key=lambda r: (-fixed_bits(r[0]), r[0]))
    lines = header(sources)
    lines += [
        "internal static partial class DicomDictionaryData",
        "{",
    ]
    lines += raw_utf8_property(
        "PublicTags",
        "Non-repeating public tags, ascending by tag; one line each: "
        "ggggeeee|VRs|VM|R if retired|Keyword|Name (VRs joined by '/', empty for items and delimiters).",
        [table_row(*r) for r in rows])
    lines.append("")
    lines += raw_utf8_property(
        "RepeatingTags",
        "Repeating-group and masked public tags, most specific first; the same columns, with 'x' for "
        "every hexadecimal digit that may vary.",
        [table_row(*r) for r in repeating])
    lines.append("}")
    return lines


def generate_tag_constants(sources, rows):
    # Expression-bodied properties, not static readonly fields: about 4,900 field initialisers make one
    # static constructor that took about 33 ms to JIT and run on the first use of any named tag (measured
    # on .NET 10, tier-0 JIT); a property costs nothing until used and inlines to a constant once tiered up.
    lines = header(sources)
    lines += [
        "/// <summary>",
        "/// Named tags, one for each keyword of a non-repeating PS3.6 attribute. Repeating-group tags such as",
        "/// (60xx,3000) Overlay Data are not named, since no single tag stands for them: build the tag for the group",
        "/// in use, or find the masked entry with <see cref=\"DicomDictionary.LookupKeyword\"/>.",
        "/// </summary>",
        "public readonly partial record struct DicomTag",
        "{",
    ]
    seen = set()
    first = True
    for pattern, vrs, vm, retired, keyword, name in rows:
        if not keyword:
            continue
        if not IDENTIFIER.match(keyword) or keyword in DICOM_TAG_MEMBERS:
            raise GeneratorError(f"keyword {keyword!r} of {format_pattern(pattern)} cannot be a DicomTag member")
        if keyword in seen:
            raise GeneratorError(f"keyword {keyword!r} appears twice")
        seen.add(keyword)
        if not first:
            lines.append("")
        first = False
        vr_text = vrs.replace("/", " or ") if vrs else "no VR"
        suffix = " Retired." if retired else ""
        summary = f"{format_pattern(pattern)} {xml_escape(name)}: {vr_text}, VM {vm}.{suffix}"
        lines.append(f"    /// <summary>{summary}</summary>")
        lines.append(f"    public static DicomTag {keyword} => new(0x{pattern[:4]}, 0x{pattern[4:]});")
    lines.append("}")
    return lines


def load_uids(source):
    namespace = source.execute()
    uids = namespace["UID_dictionary"]
    rows = []
    skipped = []
    for uid in sorted(uids, key=lambda u: [int(p) for p in u.split(".")]):
        name, uid_type, _info, retired, keyword = uids[uid]
        if not keyword and not name:
            skipped.append(uid)
            continue
        if not re.fullmatch(r"[0-9]+(\.[0-9]+)*", uid) or len(uid) > 64:
            raise GeneratorError(f"{uid!r} is not a valid UID")
        mapped = UID_TYPES.get(uid_type, "Other")
        rows.append((uid, mapped, retired == "Retired", keyword, name, uid_type))
    return rows, skipped


def generate_uid_constants(sources, rows):
    lines = header(sources)
    lines += [
        "/// <summary>The UIDs of PS3.6 table A-1, named by their keywords.</summary>",
        "public static partial class DicomUid",
        "{",
    ]
    seen = set()
    first = True
    for uid, _mapped, retired, keyword, name, uid_type in rows:
        if not keyword:
            continue
        if not IDENTIFIER.match(keyword) or keyword in DICOM_UID_MEMBERS:
            raise GeneratorError(f"UID keyword {keyword!r} cannot be a DicomUid member")
        if keyword in seen:
            raise GeneratorError(f"UID keyword {keyword!r} appears twice")
        seen.add(keyword)
        if not first:
            lines.append("")
        first = False
        suffix = " Retired." if retired else ""
        lines.append(f"    /// <summary>{xml_escape(name)} ({xml_escape(uid_type)}).{suffix}</summary>")
        lines.append(f"    public const string {keyword} = \"{uid}\";")
    lines.append("}")
    return lines


def generate_uid_data(sources, rows):
    lines = header(sources)
    lines += [
        "internal static partial class DicomDictionaryData",
        "{",
    ]
    table = []
    for uid, mapped, retired, keyword, name, _uid_type in rows:
        table.append("|".join((uid, mapped, "R" if retired else "", check_field(keyword, uid),
                               check_field(name, uid))))
    lines += raw_utf8_property(
        "Uids",
        "PS3.6 table A-1, ascending by UID component; one line each: "
        "UID|DicomUidType member|R if retired|Keyword|Name.",
        table)
    lines.append("}")
    return lines


def load_private(source, tsv_path):
    namespace = source.execute()
    dictionaries = namespace["private_dictionaries"]
    entries = {}
    for creator in PYDICOM_PRIVATE_CREATORS:
        if creator not in dictionaries:
            raise GeneratorError(f"private creator {creator!r} is not in pydicom's private dictionary")
        for key, (vr, vm, name, retired) in dictionaries[creator].items():
            add_private(entries, creator, key, vr, vm, name, retired == "Retired", "pydicom")
    with open(tsv_path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 5:
                raise GeneratorError(f"{PRIVATE_TSV_NAME}:{number}: expected 5 tab-separated fields")
            creator, key, vr, vm, name = fields
            add_private(entries, creator, key, vr, vm, name, False, PRIVATE_TSV_NAME)
    return [entries[k] for k in sorted(entries)]


def add_private(entries, creator, key, vr, vm, name, retired, origin):
    key = key.lower()
    if not re.fullmatch(r"[0-9a-f]{4}xx[0-9a-f]{2}", key):
        raise GeneratorError(f"{origin}: private key {key!r} of {creator!r} is not ggggxxee")
    group = int(key[:4], 16)
    if group & 1 == 0 or group <= 8:
        raise GeneratorError(f"{origin}: private key {key!r} of {creator!r} is not in a private group")
    if creator != creator.rstrip(" ") or not creator:
        raise GeneratorError(f"{origin}: creator {creator!r} has trailing spaces or is empty")
    pattern = key[:4].upper() + "xx" + key[6:].upper()
    what = f"{creator} {format_pattern(pattern)}"
    sort_key = (creator, pattern)
    if sort_key in entries:
        raise GeneratorError(f"{origin}: {what} is defined twice")
    entries[sort_key] = (check_field(creator, what), pattern, normalise_vrs(vr, what), check_field(vm, what),
                         retired, keyword_from_name(name), check_field(name, what))


def generate_private_data(sources, rows):
    lines = header(sources)
    lines += [
        "internal static partial class DicomDictionaryData",
        "{",
    ]
    table = ["|".join((creator, pattern, vrs, vm, "R" if retired else "", keyword, name))
             for creator, pattern, vrs, vm, retired, keyword, name in rows]
    lines += raw_utf8_property(
        "PrivateTags",
        "Private dictionary of a few PET vendor creators, by creator then tag; one line each: "
        "Creator|ggggxxee|VRs|VM|R if retired|Keyword|Name.",
        table)
    lines.append("}")
    return lines


def write_if_changed(path, lines):
    text = "\n".join(lines) + "\n"
    data = text.encode("utf-8")
    if os.path.exists(path):
        with open(path, "rb") as handle:
            if handle.read() == data:
                return False
    with open(path, "wb") as handle:
        handle.write(data)
    return True


def main(argv):
    parser = argparse.ArgumentParser(description="Generate the PacsNode.Dicom data dictionary.")
    parser.add_argument("output_dir", nargs="?", default=DEFAULT_OUTPUT,
                        help="where to write the *.g.cs files (default: %(default)s)")
    parser.add_argument("--pydicom-dir", default=DEFAULT_PYDICOM,
                        help="the installed pydicom package directory (default: %(default)s)")
    args = parser.parse_args(argv)

    def source(file_name):
        return Source(f"pydicom/{file_name}", os.path.join(args.pydicom_dir, file_name))

    version = source("_version.py").execute()
    origin = (f"pydicom {version['__version__']} (PS3.6 edition {version['__dicom_version__']}), "
              f"Debian package {DEBIAN_PACKAGE}")
    public_source = source("_dicom_dict.py")
    uid_source = source("_uid_dict.py")
    private_source = source("_private_dict.py")
    tsv_source = Source(PRIVATE_TSV_NAME, PRIVATE_TSV)

    public_rows, repeating_rows = load_public(public_source)
    uid_rows, skipped_uids = load_uids(uid_source)
    private_rows = load_private(private_source, PRIVATE_TSV)

    public_sources = [(public_source, origin)]
    uid_sources = [(uid_source, origin)]
    private_sources = [(private_source, origin), (tsv_source, "PacsNode private additions")]
    outputs = {
        "DicomTag.g.cs": generate_tag_constants(public_sources, public_rows),
        "DicomUid.g.cs": generate_uid_constants(uid_sources, uid_rows),
        "DicomDictionaryData.PublicTags.g.cs": generate_public_data(public_sources, public_rows, repeating_rows),
        "DicomDictionaryData.Uids.g.cs": generate_uid_data(uid_sources, uid_rows),
        "DicomDictionaryData.PrivateTags.g.cs": generate_private_data(private_sources, private_rows),
    }

    os.makedirs(args.output_dir, exist_ok=True)
    for stale in sorted(os.listdir(args.output_dir)):
        if stale.endswith(".g.cs") and stale not in outputs:
            os.remove(os.path.join(args.output_dir, stale))
            print(f"removed stale {stale}", file=sys.stderr)
    for file_name in sorted(outputs):
        changed = write_if_changed(os.path.join(args.output_dir, file_name), outputs[file_name])
        print(f"{'wrote' if changed else 'unchanged'} {file_name}", file=sys.stderr)
    print(f"{len(public_rows)} public tags, {len(repeating_rows)} repeating, {len(uid_rows)} UIDs "
          f"({len(skipped_uids)} without name or keyword skipped: {', '.join(skipped_uids)}), "
          f"{len(private_rows)} private entries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except GeneratorError as error:
        print(f"gen-dictionary: {error}", file=sys.stderr)
        sys.exit(1)
