using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Chains;
using MarginBridge.Chains.Liquidations;

namespace MarginBridge.Chains.Configuration;

/// <summary>
/// Checks the <c>MarginBridge</c> section and names every broken key with its rule, e.g.
/// <c>MarginBridge:Chains:1:RpcUrls: at least one RPC URL is required</c>.
/// </summary>
public static class MarginBridgeOptionsValidator
{
    public static IReadOnlyList<string> Validate(MarginBridgeOptions options)
    {
        var errors = new List<string>();
        void Fail(string key, string rule) => errors.Add($"{MarginBridgeOptions.Section}:{key}: {rule}");

        var relayer = options.Relayer;
        if (relayer.PollIntervalMilliseconds is < 50 or > 60_000)
        {
            Fail("Relayer:PollIntervalMilliseconds", "must be between 50 and 60000");
        }

        if (relayer.MaxBlockRange is < 1 or > 10_000)
        {
            Fail("Relayer:MaxBlockRange", "must be between 1 and 10000");
        }

        if (relayer.RpcTimeoutMilliseconds is < 100 or > 120_000)
        {
            Fail("Relayer:RpcTimeoutMilliseconds", "must be between 100 and 120000");
        }

        if (relayer.EndpointBreakSeconds is < 1 or > 3_600)
        {
            Fail("Relayer:EndpointBreakSeconds", "must be between 1 and 3600");
        }

        if (options.Chains.Count == 0)
        {
            Fail("Chains", "at least one chain is required");
        }

        var seen = new HashSet<long>();
        for (var i = 0; i < options.Chains.Count; i++)
        {
            ValidateChain(options.Chains[i], $"Chains:{i}", seen, Fail);
        }

        return errors;
    }

    /// <summary>The silo's circuit breakers, exposure index, price feeds (each asset once, on a configured chain, with sane trust limits) and venue markets.</summary>
    public static IReadOnlyList<string> ValidateBreakersAndPrices(MarginBridgeOptions options)
    {
        var errors = new List<string>();
        if (options.Breakers.ProbeSeconds is < 1 or > 86_400)
        {
            errors.Add($"{MarginBridgeOptions.Section}:Breakers:ProbeSeconds: must be between 1 and 86400");
        }

        if (options.Breakers.UnreachableSeconds is < 1 or > 86_400)
        {
            errors.Add($"{MarginBridgeOptions.Section}:Breakers:UnreachableSeconds: must be between 1 and 86400");
        }

        foreach (var (asset, limit) in options.Breakers.OutflowLimits)
        {
            if (limit.Capacity <= 0)
            {
                errors.Add($"{MarginBridgeOptions.Section}:Breakers:OutflowLimits:{asset}:Capacity: must be a positive number of whole tokens");
            }

            if (limit.PerSecond <= 0)
            {
                errors.Add($"{MarginBridgeOptions.Section}:Breakers:OutflowLimits:{asset}:PerSecond: must be a positive number of whole tokens per second");
            }
        }

        foreach (var (asset, large) in options.Breakers.LargeTransfers)
        {
            if (large.Threshold <= 0)
            {
                errors.Add($"{MarginBridgeOptions.Section}:Breakers:LargeTransfers:{asset}:Threshold: must be a positive number of whole tokens");
            }

            if (large.DelaySeconds is < 1 or > 604_800)
            {
                errors.Add($"{MarginBridgeOptions.Section}:Breakers:LargeTransfers:{asset}:DelaySeconds: must be between 1 and 604800");
            }
        }

        if (options.Breakers.UnderMarginedLimitUsd is < 1 or > 1_000_000_000_000)
        {
            errors.Add($"{MarginBridgeOptions.Section}:Breakers:UnderMarginedLimitUsd: must be between 1 and 10^12 USD");
        }

        if (options.Breakers.StalledHeadSeconds is < 0 or > 86_400)
        {
            errors.Add($"{MarginBridgeOptions.Section}:Breakers:StalledHeadSeconds: must be between 0 (off) and 86400");
        }

        if (options.Breakers.EndpointAgreementSeconds is < 1 or > 3_600)
        {
            errors.Add($"{MarginBridgeOptions.Section}:Breakers:EndpointAgreementSeconds: must be between 1 and 3600");
        }

        if (options.Breakers.NegativeEquityHaltBlocks is < 1 or > 100_000)
        {
            errors.Add($"{MarginBridgeOptions.Section}:Breakers:NegativeEquityHaltBlocks: must be between 1 and 100000");
        }

        if (options.Exposure.ShardsPerAsset is < 1 or > 1_024)
        {
            errors.Add($"{MarginBridgeOptions.Section}:Exposure:ShardsPerAsset: must be between 1 and 1024");
        }

        if (options.Breakers.GuardianKeyFile is { Length: > 0 } guardian && !File.Exists(guardian))
        {
            errors.Add($"{MarginBridgeOptions.Section}:Breakers:GuardianKeyFile: {guardian} does not exist");
        }

        for (var i = 0; i < options.PriceFeeds.Count; i++)
        {
            var feed = options.PriceFeeds[i];
            void Fail(string key, string rule) => errors.Add($"{MarginBridgeOptions.Section}:PriceFeeds:{i}:{key}: {rule}");
            if (string.IsNullOrWhiteSpace(feed.Asset))
            {
                Fail("Asset", "is required");
            }
            else if (options.PriceFeeds.FindIndex(f => string.Equals(f.Asset, feed.Asset, StringComparison.Ordinal)) != i)
            {
                Fail("Asset", $"'{feed.Asset}' has a feed already");
            }

            if (options.FindChain(feed.ChainId) is null)
            {
                Fail("ChainId", $"chain {feed.ChainId} is not configured");
            }

            if (!EvmAddress.TryNormalize(feed.Feed, out _))
            {
                Fail("Feed", "must be a 0x-prefixed 20-byte hex address");
            }

            if (feed.Decimals is < 0 or > 18)
            {
                Fail("Decimals", "must be between 0 and 18");
            }

            if (feed.MaxAgeSeconds < 1)
            {
                Fail("MaxAgeSeconds", "must be at least 1");
            }

            if (feed.JumpPercent is < 1 or > 100)
            {
                Fail("JumpPercent", "must be between 1 and 100");
            }

            if (feed.JumpWindowSeconds < 1)
            {
                Fail("JumpWindowSeconds", "must be at least 1");
            }
        }

        for (var i = 0; i < options.Markets.Count; i++)
        {
            var market = options.Markets[i];
            void Fail(string key, string rule) => errors.Add($"{MarginBridgeOptions.Section}:Markets:{i}:{key}: {rule}");
            if (!MarketOptions.IsValidId(market.Id))
            {
                Fail("Id", "must be 1 to 32 printable ASCII characters (the venue's bytes32 market id)");
            }
            else if (options.Markets.FindIndex(m => m.Id == market.Id) != i)
            {
                Fail("Id", $"'{market.Id}' is listed twice");
            }

            if (options.PriceFeeds.Find(f => f.Asset == market.Underlying) is null)
            {
                Fail("Underlying", $"'{market.Underlying}' has no price feed in {MarginBridgeOptions.Section}:PriceFeeds");
            }

            if (!double.IsFinite(market.Volatility) || market.Volatility is <= 0 or > 10)
            {
                Fail("Volatility", "must be an annualized volatility above 0 and at most 10 (1000 %)");
            }

            if (market.VolatilityFeed is { } volatilityFeed && (volatilityFeed == market.Underlying || options.PriceFeeds.Find(f => f.Asset == volatilityFeed) is null))
            {
                Fail("VolatilityFeed", $"'{volatilityFeed}' must name a feed of {MarginBridgeOptions.Section}:PriceFeeds other than the underlying's");
            }
        }

        return errors;
    }

    /// <summary>
    /// What a silo needs beyond the chains to forward transfers: batching limits, the committee it
    /// asks (members' addresses and URLs, a threshold they can meet) and the submitter's key file.
    /// </summary>
    public static IReadOnlyList<string> ValidatePipeline(MarginBridgeOptions options)
    {
        var errors = new List<string>();
        void Fail(string key, string rule) => errors.Add($"{MarginBridgeOptions.Section}:{key}: {rule}");
        var pipeline = options.Pipeline;
        if (pipeline.MaxBatchSize is < 1 or > 1024)
        {
            Fail("Pipeline:MaxBatchSize", "must be between 1 and 1024");
        }

        if (pipeline.MaxBatchAgeMilliseconds is < 0 or > 3_600_000)
        {
            Fail("Pipeline:MaxBatchAgeMilliseconds", "must be between 0 and 3600000");
        }

        if (pipeline.QuietMilliseconds is < 0 or > 3_600_000)
        {
            Fail("Pipeline:QuietMilliseconds", "must be between 0 and 3600000");
        }

        if (pipeline.TickMilliseconds is < 20 or > 60_000)
        {
            Fail("Pipeline:TickMilliseconds", "must be between 20 and 60000");
        }

        if (pipeline.AttestationTimeoutMilliseconds is < 100 or > 120_000)
        {
            Fail("Pipeline:AttestationTimeoutMilliseconds", "must be between 100 and 120000");
        }

        if (pipeline.StuckTransactionSeconds is < 1 or > 3_600)
        {
            Fail("Pipeline:StuckTransactionSeconds", "must be between 1 and 3600");
        }

        if (pipeline.VoidLifetimeSeconds is < 30 or > LiquidationRoute.MaxLifetimeSeconds)
        {
            Fail("Pipeline:VoidLifetimeSeconds", $"must be between 30 and {LiquidationRoute.MaxLifetimeSeconds} (committee members refuse a void that lives longer than an hour)");
        }

        if (string.IsNullOrWhiteSpace(pipeline.SubmitterKeyFile))
        {
            Fail("Pipeline:SubmitterKeyFile", "is required: the file with the key that pays gas for roots and executions");
        }
        else if (!File.Exists(pipeline.SubmitterKeyFile))
        {
            Fail("Pipeline:SubmitterKeyFile", $"{pipeline.SubmitterKeyFile} does not exist");
        }

        var committee = options.Committee;
        if (committee.Members.Count == 0)
        {
            Fail("Committee:Members", "at least one member is required");
        }

        if (committee.Threshold < 1 || committee.Threshold > committee.Members.Count)
        {
            Fail("Committee:Threshold", $"must be between 1 and the number of members ({committee.Members.Count})");
        }

        var addresses = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < committee.Members.Count; i++)
        {
            var member = committee.Members[i];
            if (!EvmAddress.TryNormalize(member.Address, out var address))
            {
                Fail($"Committee:Members:{i}:Address", "must be a 0x-prefixed 20-byte hex address");
            }
            else if (!addresses.Add(address))
            {
                Fail($"Committee:Members:{i}:Address", $"{address} is listed twice");
            }

            if (!Uri.TryCreate(member.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                Fail($"Committee:Members:{i}:Url", "must be an absolute http(s) URL");
            }
        }

        for (var i = 0; i < options.Operators.Count; i++)
        {
            var op = options.Operators[i];
            if (string.IsNullOrWhiteSpace(op.Name))
            {
                Fail($"Operators:{i}:Name", "is required: the journal records who acted");
            }

            if (op.TokenSha256.Length != 64 || !op.TokenSha256.All(char.IsAsciiHexDigit))
            {
                Fail($"Operators:{i}:TokenSha256", "must be the SHA-256 of the operator's token as 64 hex digits (never the token itself)");
            }
        }

        return errors;
    }

    private static void ValidateChain(ChainOptions chain, string key, HashSet<long> seenIds, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(chain.Name))
        {
            fail($"{key}:Name", "is required");
        }

        if (!Enum.IsDefined(chain.Kind))
        {
            fail($"{key}:Kind", $"must be one of {string.Join(", ", Enum.GetNames<LayerKind>())}");
        }

        if (chain.ChainId <= 0)
        {
            fail($"{key}:ChainId", "must be a positive integer");
        }
        else if (!seenIds.Add(chain.ChainId))
        {
            fail($"{key}:ChainId", $"{chain.ChainId} is configured twice");
        }

        if (chain.RpcUrls.Count == 0)
        {
            fail($"{key}:RpcUrls", "at least one RPC URL is required");
        }

        for (var u = 0; u < chain.RpcUrls.Count; u++)
        {
            if (!Uri.TryCreate(chain.RpcUrls[u], UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                fail($"{key}:RpcUrls:{u}", "must be an absolute http(s) URL");
            }
        }

        if (!EvmAddress.TryNormalize(chain.Vault, out _))
        {
            fail($"{key}:Vault", "must be a 0x-prefixed 20-byte hex address");
        }

        if (chain.StartBlock < 0)
        {
            fail($"{key}:StartBlock", "must not be negative");
        }

        for (var t = 0; t < chain.Tokens.Count; t++)
        {
            var token = chain.Tokens[t];
            if (string.IsNullOrWhiteSpace(token.Asset))
            {
                fail($"{key}:Tokens:{t}:Asset", "is required");
            }

            if (!EvmAddress.TryNormalize(token.Address, out _))
            {
                fail($"{key}:Tokens:{t}:Address", "must be a 0x-prefixed 20-byte hex address");
            }

            if (token.Decimals is < 0 or > 36)
            {
                fail($"{key}:Tokens:{t}:Decimals", "must be between 0 and 36");
            }
        }

        for (var v = 0; v < chain.Venues.Count; v++)
        {
            if (!EvmAddress.TryNormalize(chain.Venues[v], out _))
            {
                fail($"{key}:Venues:{v}", "must be a 0x-prefixed 20-byte hex address");
            }
        }

        if (chain.Venues.Count > 0 && Liquidations.FundSettlement.TokenOf(chain) is null)
        {
            fail($"{key}:Tokens", $"a chain with venues must list a {Liquidations.FundSettlement.Asset} token: its liquidations settle with the insurance fund in it");
        }

        var finality = chain.Finality;
        switch (chain.Kind)
        {
            case LayerKind.L1 when finality.Confirmations < 1:
                fail($"{key}:Finality:Confirmations", "must be at least 1 for an L1 chain");
                break;
            case LayerKind.Optimistic when finality.ChallengeWindowSeconds < 1:
                fail($"{key}:Finality:ChallengeWindowSeconds", "must be at least 1 for an Optimistic chain");
                break;
            case LayerKind.ZkRollup when finality.ProofDelaySeconds < 1:
                fail($"{key}:Finality:ProofDelaySeconds", "must be at least 1 for a ZkRollup chain");
                break;
        }
    }
}
