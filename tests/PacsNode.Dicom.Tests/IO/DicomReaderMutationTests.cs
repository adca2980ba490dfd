using System.Diagnostics;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.IO;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Dicom.Tests.IO;

/// <summary>
/// Corrupts the real corpus thousands of times (truncation, hostile length fields, random bytes) and asserts that
/// every outcome is a parsed dataset or our typed exception: never another exception, a hang, or an allocation
/// beyond a small multiple of the input.
/// </summary>
public sealed class DicomReaderMutationTests
{
    private const int Mutations = 10_000;

    [Fact]
    public async Task Parse_TenThousandMutationsOfTheCorpus_ParseOrFailTypedWithinBounds()
    {
        Assert.SkipUnless(TestData.IsAvailable, "the shared test data is not present");
        var seeds = new List<byte[]>();
        foreach (string path in TestData.AllPart10Files().GroupBy(Path.GetDirectoryName).Select(g => g.First()))
        {
            byte[] bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
            if (bytes.Length <= 4 << 20)
            {
                seeds.Add(bytes);
            }
        }

        Assert.NotEmpty(seeds);
        var random = new Random(20261123);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < Mutations; i++)
        {
            byte[] input = Mutate(seeds[random.Next(seeds.Count)], random, out string kind);
            long before = GC.GetAllocatedBytesForCurrentThread();
            long start = watch.ElapsedMilliseconds;
            string outcome;
            try
            {
                var file = DicomFile.Parse(input);
                Walk(file.Dataset);
                using var copy = new MemoryStream();
                await file.WriteAsync(copy, cancellationToken: TestContext.Current.CancellationToken);
                outcome = "parsed";
            }
            catch (DicomParseException ex)
            {
                outcome = ex.Error.ToString();
            }
            catch (DicomException)
            {
                outcome = "not writable";
            }
            catch (Exception ex)
            {
                Assert.Fail($"Mutation {i} ({kind}) threw {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
                throw;
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated <= (16L * input.Length) + (4 << 20),
                $"Mutation {i} ({kind}) allocated {allocated} bytes for {input.Length} bytes of input");
            Assert.True(watch.ElapsedMilliseconds - start < 5_000, $"Mutation {i} ({kind}) took too long");
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}")));
        Assert.True(outcomes.GetValueOrDefault("parsed") > 0);
        Assert.True(outcomes.Count > 3, "the mutations should reach several distinct failure reasons");
    }

    /// <summary>Touches every value so lazily held data is reached too.</summary>
    private static void Walk(DicomDataset dataset)
    {
        foreach (DicomItem item in dataset)
        {
            switch (item)
            {
                case DicomElement element:
                    _ = element.Buffer.Span.Length;
                    break;
                case DicomSequence sequence:
                    foreach (DicomDataset child in sequence.Items)
                    {
                        Walk(child);
                    }

                    break;
            }
        }
    }

    private static byte[] Mutate(byte[] seed, Random random, out string kind)
    {
        byte[] copy = (byte[])seed.Clone();
        switch (random.Next(4))
        {
            case 0:
                kind = "truncate";
                return copy.AsSpan(0, random.Next(copy.Length)).ToArray();
            case 1:
                kind = "huge length";
                int at = random.Next(Math.Max(1, copy.Length - 4)) & ~1;
                uint value = random.Next(3) switch { 0 => 0xFFFF_FFFF, 1 => 0x7FFF_FFF0, _ => (uint)random.Next() };
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(at), value);
                return copy;
            case 2:
                kind = "random bytes";
                int count = 1 + random.Next(16);
                for (int i = 0; i < count; i++)
                {
                    copy[random.Next(copy.Length)] = (byte)random.Next(256);
                }

                return copy;
            default:
                kind = "random header bytes";
                int limit = Math.Min(copy.Length, 2048);
                for (int i = 0; i < 4; i++)
                {
                    copy[random.Next(limit)] = (byte)random.Next(256);
                }

                return copy;
        }
    }
}
