namespace Dispatch.Application.SignIn;

/// <summary>
/// Settings of sign-in throttling (section <c>Limits:SignIn</c>): an account locks after
/// <see cref="AccountMaxFailures"/> wrong passwords in a row, each within <see cref="AccountFailureWindow"/> of the one
/// before; a remote address with <see cref="AddressMaxFailures"/> failed sign-ins within <see cref="AddressWindow"/> is
/// refused until the oldest of them is that old.
/// </summary>
public sealed class SignInLimits
{
    public int AccountMaxFailures { get; set; } = 10;

    public TimeSpan AccountFailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    public int AddressMaxFailures { get; set; } = 50;

    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(15);
}
