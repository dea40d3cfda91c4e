using MarginBridge.Chains.Configuration;
using Microsoft.Extensions.Options;
using Nethereum.Signer;

namespace MarginBridge.Grains.Submission;

/// <summary>
/// The account that pays gas for roots and executions, read once from its key file. It moves no
/// funds by itself: a root needs the committee's signatures, an execution needs an accepted root.
/// </summary>
public sealed class SubmitterAccount(IOptions<MarginBridgeOptions> options)
{
    private readonly Lazy<EthECKey> _key = new(() => new EthECKey(File.ReadAllText(options.Value.Pipeline.SubmitterKeyFile).Trim()));

    public string Address => _key.Value.GetPublicAddress();

    internal EthECKey Key => _key.Value;
}
