namespace PacsNode.Quantification.Phantoms;

/// <summary>What a point of the phantom lies in, most specific first: a sphere wins over the liver, and so on.</summary>
internal enum PhantomRegion : byte
{
    Air,
    Body,
    Bone,
    Lung,
    Liver,
    Sphere,
}
