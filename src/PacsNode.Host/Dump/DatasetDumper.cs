using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Data.Text;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;

namespace PacsNode.Host.Dump;

/// <summary>
/// A dcmdump-like listing: one line per element with tag, VR, value, then after '#' the length, the value
/// multiplicity and the name (private elements named through their creator), nested items indented.
/// </summary>
internal sealed class DatasetDumper(TextWriter output, int maxValueChars = 64)
{
    private const int ValueColumn = 56;

    public void Dump(DicomFile file)
    {
        output.WriteLine("# Dicom-File-Format");
        if (file.HasMetaInformation)
        {
            output.WriteLine();
            output.WriteLine("# Dicom-Meta-Information-Header");
            output.WriteLine("# Used TransferSyntax: Explicit VR Little Endian");
            Dump(file.FileMetaInformation, 0);
        }

        output.WriteLine();
        output.WriteLine("# Dicom-Data-Set");
        output.WriteLine($"# Used TransferSyntax: {file.TransferSyntax.Name}");
        Dump(file.Dataset, 0);
        foreach (string warning in file.Warnings)
        {
            output.WriteLine($"# Warning: {warning}");
        }
    }

    public void Dump(DicomDataset dataset, int depth)
    {
        DicomCharacterSet charset = dataset.GetCharacterSet();
        foreach (DicomItem item in dataset)
        {
            switch (item)
            {
                case DicomElement element:
                    Line(depth, element.Tag, element.VR.ToCode(), Value(element, charset),
                        Length(element.Length), Multiplicity(element, charset), Name(dataset, element.Tag));
                    break;
                case DicomSequence sequence:
                    DumpSequence(dataset, sequence, depth);
                    break;
                case DicomFragmentSequence fragments:
                    DumpFragments(fragments, depth);
                    break;
            }
        }
    }

    private void DumpSequence(DicomDataset dataset, DicomSequence sequence, int depth)
    {
        string form = sequence.UndefinedLength ? "undefined length" : "explicit length";
        Line(depth, sequence.Tag, "SQ", $"(Sequence with {form} #={sequence.Items.Count})",
            sequence.UndefinedLength ? "u/l" : "-", "1", Name(dataset, sequence.Tag));
        foreach (DicomDataset child in sequence.Items)
        {
            string itemForm = child.UndefinedLength ? "undefined length" : "explicit length";
            Line(depth + 1, DicomTag.Item, "na", $"(Item with {itemForm} #={child.Count})",
                child.UndefinedLength ? "u/l" : "-", "1", "Item");
            Dump(child, depth + 2);
            if (child.UndefinedLength)
            {
                Line(depth + 1, DicomTag.ItemDelimitationItem, "na", "(ItemDelimitationItem)", "0", "0",
                    "ItemDelimitationItem");
            }
        }

        if (sequence.UndefinedLength)
        {
            Line(depth, DicomTag.SequenceDelimitationItem, "na", "(SequenceDelimitationItem)", "0", "0",
                "SequenceDelimitationItem");
        }
    }

    private void DumpFragments(DicomFragmentSequence fragments, int depth)
    {
        Line(depth, fragments.Tag, fragments.VR.ToCode(), "(PixelSequence #=" +
            (fragments.Fragments.Count + 1).ToString(CultureInfo.InvariantCulture) + ")", "u/l", "1", "PixelData");
        Line(depth + 1, DicomTag.Item, "pi", Hex(fragments.OffsetTable), Length(fragments.OffsetTable.Length), "1", "Item");
        foreach (DicomBuffer fragment in fragments.Fragments)
        {
            Line(depth + 1, DicomTag.Item, "pi", Hex(fragment), Length(fragment.Length), "1", "Item");
        }

        Line(depth, DicomTag.SequenceDelimitationItem, "na", "(SequenceDelimitationItem)", "0", "0",
            "SequenceDelimitationItem");
    }

    private void Line(int depth, DicomTag tag, string vr, string value, string length, string vm, string name)
    {
        var line = new StringBuilder();
        line.Append(' ', depth * 2);
        line.Append(CultureInfo.InvariantCulture, $"({tag.Group:x4},{tag.Element:x4}) {vr} {value}");
        int pad = Math.Max(1, ValueColumn + (depth * 2) - line.Length);
        line.Append(' ', pad);
        line.Append(CultureInfo.InvariantCulture, $"# {length,4}, {vm} {name}");
        output.WriteLine(line.ToString());
    }

    private static string Length(long length) => length.ToString(CultureInfo.InvariantCulture);

    private static string Name(DicomDataset dataset, DicomTag tag)
    {
        if (tag.IsPrivate && !tag.IsPrivateCreator)
        {
            string? creator = dataset.GetPrivateCreator(tag);
            DicomDictionaryEntry? entry = creator is null ? null : DicomDictionary.LookupPrivate(creator, tag);
            return creator is null ? "Unknown Tag & Data" : $"[{creator}] {entry?.Name ?? "Unknown"}";
        }

        return DicomDictionary.Lookup(tag)?.Keyword ?? "Unknown Tag & Data";
    }

    private string Value(DicomElement element, DicomCharacterSet charset)
    {
        if (element.IsEmpty)
        {
            return "(no value available)";
        }

        if (!element.Buffer.IsInMemory)
        {
            return "(not loaded)";
        }

        DicomVR vr = element.VR;
        if (vr.IsString())
        {
            string text = vr == DicomVR.UI
                ? Encoding.ASCII.GetString(element.Buffer.Span).TrimEnd('\0', ' ')
                : charset.Decode(element.Buffer.Span, vr).TrimEnd(' ', '\0');
            string shown = Truncate(text);
            if (vr == DicomVR.UI && DicomUid.LookupUid(text) is { } uid)
            {
                return $"={uid.Keyword}";
            }

            return $"[{shown}]";
        }

        return vr switch
        {
            DicomVR.US => Numbers(element, 2, s => BinaryPrimitives.ReadUInt16LittleEndian(s).ToString(CultureInfo.InvariantCulture)),
            DicomVR.SS => Numbers(element, 2, s => BinaryPrimitives.ReadInt16LittleEndian(s).ToString(CultureInfo.InvariantCulture)),
            DicomVR.UL or DicomVR.OL => Numbers(element, 4, s => BinaryPrimitives.ReadUInt32LittleEndian(s).ToString(CultureInfo.InvariantCulture)),
            DicomVR.SL => Numbers(element, 4, s => BinaryPrimitives.ReadInt32LittleEndian(s).ToString(CultureInfo.InvariantCulture)),
            DicomVR.FL or DicomVR.OF => Numbers(element, 4, s => BinaryPrimitives.ReadSingleLittleEndian(s).ToString("G9", CultureInfo.InvariantCulture)),
            DicomVR.FD or DicomVR.OD => Numbers(element, 8, s => BinaryPrimitives.ReadDoubleLittleEndian(s).ToString("G17", CultureInfo.InvariantCulture)),
            DicomVR.SV => Numbers(element, 8, s => BinaryPrimitives.ReadInt64LittleEndian(s).ToString(CultureInfo.InvariantCulture)),
            DicomVR.UV or DicomVR.OV => Numbers(element, 8, s => BinaryPrimitives.ReadUInt64LittleEndian(s).ToString(CultureInfo.InvariantCulture)),
            DicomVR.AT => Numbers(element, 4, s => string.Create(CultureInfo.InvariantCulture,
                $"({BinaryPrimitives.ReadUInt16LittleEndian(s):x4},{BinaryPrimitives.ReadUInt16LittleEndian(s[2..]):x4})")),
            DicomVR.OW => Numbers(element, 2, s => BinaryPrimitives.ReadUInt16LittleEndian(s).ToString("x4", CultureInfo.InvariantCulture)),
            _ => Hex(element.Buffer),
        };
    }

    private string Numbers(DicomElement element, int size, Func<ReadOnlySpan<byte>, string> format)
    {
        ReadOnlySpan<byte> bytes = element.Buffer.Span;
        var text = new StringBuilder();
        for (int at = 0; at + size <= bytes.Length; at += size)
        {
            if (text.Length > 0)
            {
                text.Append('\\');
            }

            text.Append(format(bytes.Slice(at, size)));
            if (text.Length > maxValueChars)
            {
                text.Append("...");
                break;
            }
        }

        return text.ToString();
    }

    private string Hex(DicomBuffer buffer)
    {
        if (buffer.Length == 0)
        {
            return "(no value available)";
        }

        if (!buffer.IsInMemory)
        {
            return "(not loaded)";
        }

        ReadOnlySpan<byte> bytes = buffer.Span;
        var text = new StringBuilder();
        for (int i = 0; i < bytes.Length; i++)
        {
            if (i > 0)
            {
                text.Append('\\');
            }

            text.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
            if (text.Length > maxValueChars)
            {
                text.Append("...");
                break;
            }
        }

        return text.ToString();
    }

    private static string Multiplicity(DicomElement element, DicomCharacterSet charset)
    {
        DicomVR vr = element.VR;
        if (element.IsEmpty)
        {
            return "0";
        }

        if (vr.IsString())
        {
            if (vr.IsSingleValuedText())
            {
                return "1";
            }

            string text = charset.Decode(element.Buffer.Span, vr);
            return (text.Count(c => c == '\\') + 1).ToString(CultureInfo.InvariantCulture);
        }

        int size = vr == DicomVR.AT ? 4 : vr.ValueSize();
        return vr is DicomVR.OB or DicomVR.OW or DicomVR.OF or DicomVR.OD or DicomVR.OL or DicomVR.OV or DicomVR.UN
            ? "1"
            : (element.Length / Math.Max(1, size)).ToString(CultureInfo.InvariantCulture);
    }

    private string Truncate(string text) =>
        maxValueChars > 0 && text.Length > maxValueChars ? string.Concat(text.AsSpan(0, maxValueChars), "...") : text;
}
