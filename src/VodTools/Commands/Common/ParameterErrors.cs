using System.Management.Automation;
using System;
using VodTools.Services;

namespace VodTools.Commands.Common
{
    /// <summary>
    /// How a cmdlet refuses a parameter value: one terminating InvalidArgument error with the check's stable ErrorId,
    /// before any call, whose target is the value refused or else the parameter's name.
    /// </summary>
    internal static class ParameterErrors
    {
        /// <summary>Runs the checks of the cmdlet's parameters; the first value they refuse ends the cmdlet.</summary>
        public static void CheckParameters(this Cmdlet cmdlet, Action check, object? target = null)
        {
            try
            {
                check();
            }
            catch (ValidationException e)
            {
                cmdlet.ThrowParameterError(e, target);
            }
        }

        /// <summary>Ends the cmdlet with the refusal of a parameter value.</summary>
        public static void ThrowParameterError(this Cmdlet cmdlet, ValidationException error, object? target = null) =>
            cmdlet.ThrowParameterError(error, error.ErrorId, target ?? error.ParamName);

        /// <summary>Ends the cmdlet with the refusal of a parameter value that another check made.</summary>
        public static void ThrowParameterError(this Cmdlet cmdlet, Exception error, string errorId, object? target) =>
            cmdlet.ThrowTerminatingError(new ErrorRecord(error, errorId, ErrorCategory.InvalidArgument, target));
    }
}
