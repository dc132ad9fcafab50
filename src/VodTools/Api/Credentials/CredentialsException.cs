using System;

namespace VodTools.Api.Credentials
{
    /// <summary>
    /// A credential or configuration problem. <see cref="ErrorId"/> is one of <see cref="CredentialsErrorId"/>
    /// and becomes the ErrorRecord's id. Messages never contain a secret.
    /// </summary>
    public sealed class CredentialsException : Exception
    {
        public CredentialsException(string errorId, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            ErrorId = errorId;
        }

        public string ErrorId { get; }
    }
}
