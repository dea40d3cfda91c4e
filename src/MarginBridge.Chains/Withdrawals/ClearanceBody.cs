namespace MarginBridge.Chains.Withdrawals;

/// <summary>What the silo asks a committee member to clear: the account's signed request and the clearance's expiry (the vault's chain time).</summary>
public sealed record ClearanceBody(WithdrawalRequestBody Request, ulong Expiry);
