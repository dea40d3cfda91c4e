using MarginBridge.Abstractions.Chains;
using MarginBridge.Chains.Configuration;

namespace MarginBridge.UnitTests.Chains;

public sealed class MarginBridgeOptionsValidatorTests
{
    private static MarginBridgeOptions Valid() => new()
    {
        Chains =
        [
            new ChainOptions
            {
                Name = "hub",
                Kind = LayerKind.L1,
                ChainId = 1,
                RpcUrls = ["http://127.0.0.1:8545"],
                Vault = "0x5FbDB2315678afecb367f032d93F642f64180aa3",
                Tokens = [new TokenOptions { Asset = "USDC", Address = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", Decimals = 6 }],
            },
        ],
    };

    [Fact]
    public void ValidConfiguration_HasNoErrors() => Assert.Empty(MarginBridgeOptionsValidator.Validate(Valid()));

    [Fact]
    public void MissingRpcUrls_IsNamedWithKeyAndRule()
    {
        var options = Valid();
        options.Chains[0].RpcUrls = [];
        Assert.Equal(["MarginBridge:Chains:0:RpcUrls: at least one RPC URL is required"], MarginBridgeOptionsValidator.Validate(options));
    }

    [Fact]
    public void DuplicateChainId_IsRefused()
    {
        var options = Valid();
        var second = Valid().Chains[0];
        second.Name = "copy";
        options.Chains.Add(second);
        Assert.Contains("MarginBridge:Chains:1:ChainId: 1 is configured twice", MarginBridgeOptionsValidator.Validate(options));
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("0x1234")]
    [InlineData("")]
    public void BadVaultAddress_IsNamed(string vault)
    {
        var options = Valid();
        options.Chains[0].Vault = vault;
        Assert.Contains("MarginBridge:Chains:0:Vault: must be a 0x-prefixed 20-byte hex address", MarginBridgeOptionsValidator.Validate(options));
    }

    [Fact]
    public void AChainWithVenuesButNoUsdc_IsRefused_LiquidationsSettleInIt()
    {
        var options = Valid();
        options.Chains[0].Venues = ["0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0"];
        options.Chains[0].Tokens[0].Asset = "DAI";
        Assert.Contains(
            "MarginBridge:Chains:0:Tokens: a chain with venues must list a USDC token: its liquidations settle with the insurance fund in it",
            MarginBridgeOptionsValidator.Validate(options));
    }

    [Fact]
    public void EveryBrokenKey_IsReported_NotOnlyTheFirst()
    {
        var options = Valid();
        options.Relayer.PollIntervalMilliseconds = 0;
        options.Chains[0].RpcUrls = ["ftp://nope"];
        options.Chains[0].Finality.Confirmations = 0;
        var errors = MarginBridgeOptionsValidator.Validate(options);
        Assert.Contains("MarginBridge:Relayer:PollIntervalMilliseconds: must be between 50 and 60000", errors);
        Assert.Contains("MarginBridge:Chains:0:RpcUrls:0: must be an absolute http(s) URL", errors);
        Assert.Contains("MarginBridge:Chains:0:Finality:Confirmations: must be at least 1 for an L1 chain", errors);
    }

    [Fact]
    public void NoChains_IsRefused() =>
        Assert.Contains("MarginBridge:Chains: at least one chain is required", MarginBridgeOptionsValidator.Validate(new MarginBridgeOptions()));

    [Fact]
    public void ANegativeQuietPeriod_IsRefused_NamingTheKey()
    {
        var options = Valid();
        options.Pipeline.QuietMilliseconds = -1;
        Assert.Contains("MarginBridge:Pipeline:QuietMilliseconds: must be between 0 and 3600000", MarginBridgeOptionsValidator.ValidatePipeline(options));
    }

    [Theory]
    [InlineData(29)]
    [InlineData(3_601)]
    public void AVoidLifetimeOutsideWhatMembersSign_IsRefused_NamingTheKey(int seconds)
    {
        var options = Valid();
        options.Pipeline.VoidLifetimeSeconds = seconds;
        Assert.Contains(
            "MarginBridge:Pipeline:VoidLifetimeSeconds: must be between 30 and 3600 (committee members refuse a void that lives longer than an hour)",
            MarginBridgeOptionsValidator.ValidatePipeline(options));
    }

    [Fact]
    public void APipelineWithoutCommitteeOrSubmitterKey_IsRefused_NamingEachKey()
    {
        var options = Valid();
        options.Committee = new CommitteeOptions { Threshold = 2, Members = [new CommitteeMemberOptions { Address = "0x12", Url = "ftp://x" }] };
        options.Operators = [new OperatorOptions { Name = "ops", TokenSha256 = "the-token-itself" }];
        Assert.Equal(
            [
                "MarginBridge:Pipeline:SubmitterKeyFile: is required: the file with the key that pays gas for roots and executions",
                "MarginBridge:Committee:Threshold: must be between 1 and the number of members (1)",
                "MarginBridge:Committee:Members:0:Address: must be a 0x-prefixed 20-byte hex address",
                "MarginBridge:Committee:Members:0:Url: must be an absolute http(s) URL",
                "MarginBridge:Operators:0:TokenSha256: must be the SHA-256 of the operator's token as 64 hex digits (never the token itself)",
            ],
            MarginBridgeOptionsValidator.ValidatePipeline(options));
    }

    [Theory]
    [InlineData("ETH-IV")]
    [InlineData("ETH")]
    public void AVolatilityFeedThatIsNoOtherConfiguredFeed_IsRefused(string feed)
    {
        var options = Valid();
        options.PriceFeeds = [new PriceFeedOptions { Asset = "ETH", ChainId = options.Chains[0].ChainId, Feed = "0x5FbDB2315678afecb367f032d93F642f64180aa3" }];
        options.Markets = [new MarketOptions { Id = "ETH-C-3200", Underlying = "ETH", VolatilityFeed = feed }];
        Assert.Equal(
            [$"MarginBridge:Markets:0:VolatilityFeed: '{feed}' must name a feed of MarginBridge:PriceFeeds other than the underlying's"],
            MarginBridgeOptionsValidator.ValidateBreakersAndPrices(options));
    }

    [Fact]
    public void BrokenPriceFeeds_AreEachNamedWithTheirRule()
    {
        var options = Valid();
        var chain = options.Chains[0].ChainId;
        options.PriceFeeds =
        [
            new PriceFeedOptions { Asset = "ETH", ChainId = chain, Feed = "0x5FbDB2315678afecb367f032d93F642f64180aa3" },
            new PriceFeedOptions { Asset = "ETH", ChainId = 999, Feed = "0x12", MaxAgeSeconds = 0, JumpPercent = 0, JumpWindowSeconds = 0, Decimals = 19 },
        ];

        Assert.Equal(
            [
                "MarginBridge:PriceFeeds:1:Asset: 'ETH' has a feed already",
                "MarginBridge:PriceFeeds:1:ChainId: chain 999 is not configured",
                "MarginBridge:PriceFeeds:1:Feed: must be a 0x-prefixed 20-byte hex address",
                "MarginBridge:PriceFeeds:1:Decimals: must be between 0 and 18",
                "MarginBridge:PriceFeeds:1:MaxAgeSeconds: must be at least 1",
                "MarginBridge:PriceFeeds:1:JumpPercent: must be between 1 and 100",
                "MarginBridge:PriceFeeds:1:JumpWindowSeconds: must be at least 1",
            ],
            MarginBridgeOptionsValidator.ValidateBreakersAndPrices(options));
    }
}
