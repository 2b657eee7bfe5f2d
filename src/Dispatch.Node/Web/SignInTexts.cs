namespace Dispatch.Node.Web;

/// <summary>The sign-in page's texts (<c>SignInTexts.zh.resx</c>; English is the key).</summary>
internal sealed class SignInTexts;
