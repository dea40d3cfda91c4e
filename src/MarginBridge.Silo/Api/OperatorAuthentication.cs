using System.Security.Cryptography;
using System.Text;
using MarginBridge.Chains.Configuration;
using Microsoft.Extensions.Options;

namespace MarginBridge.Silo.Api;

/// <summary>
/// Operator endpoints require <c>Authorization: Bearer &lt;token&gt;</c> whose SHA-256 matches a
/// configured operator (compared in constant time). The operator's name is what the journal records.
/// </summary>
internal sealed class OperatorAuthentication(IOptions<MarginBridgeOptions> options) : IEndpointFilter
{
    public const string OperatorItem = "operator";

    /// <summary>The authenticated operator's name, on a request that passed this filter.</summary>
    public static string OperatorOf(HttpContext context) => (string)context.Items[OperatorItem]!;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var name = header.StartsWith("Bearer ", StringComparison.Ordinal) ? Find(header["Bearer ".Length..].Trim()) : null;
        if (name is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Operator credential required",
                detail: "send Authorization: Bearer <token> with the token of an operator listed in MarginBridge:Operators");
        }

        context.HttpContext.Items[OperatorItem] = name;
        return await next(context);
    }

    private string? Find(string token)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        string? found = null;
        foreach (var op in options.Value.Operators)
        {
            // Every operator is compared, so the time taken says nothing about which one matched.
            if (CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(op.TokenSha256)))
            {
                found = op.Name;
            }
        }

        return found;
    }
}
