namespace MarginBridge.Grains.Relaying;

/// <summary>The chain changed under a scan; the poll is abandoned and the next one finds the common ancestor.</summary>
internal sealed class ChainReorganizedException(string chain, long block)
    : Exception($"chain '{chain}' reorganised at block {block} during the scan; rescanning from the common ancestor");
