using System.Numerics;
using MarginBridge.Silo.Api;

namespace MarginBridge.IntegrationTests.Infrastructure;

public static class AccountExtensions
{
    public static (BigInteger Pending, BigInteger Final) On(this AccountResponse account, long chainId)
    {
        var balance = account.Balances.SingleOrDefault(b => b.ChainId == chainId);
        return balance is null ? (0, 0) : (BigInteger.Parse(balance.Pending), BigInteger.Parse(balance.Final));
    }
}
