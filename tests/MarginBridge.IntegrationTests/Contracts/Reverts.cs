using Nethereum.Contracts;

namespace MarginBridge.IntegrationTests.Contracts;

public static class Reverts
{
    /// <summary>The call reverts with the named custom error <typeparamref name="TError"/>; returns its decoded arguments.</summary>
    public static async Task<TError> With<TError>(Func<Task> action)
        where TError : class, new()
    {
        var exception = await Assert.ThrowsAnyAsync<SmartContractCustomErrorRevertException>(action);
        Assert.True(exception.IsCustomErrorFor<TError>(), $"expected {typeof(TError).Name}, reverted with data {exception.ExceptionEncodedData}");
        return exception.DecodeError<TError>();
    }
}
