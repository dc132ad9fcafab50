using System.Management.Automation;
using System;
using VodTools.Shared;

namespace VodTools.Commands.Common
{
    /// <summary>A fault spec for the emulator, checked with the emulator's own parser before anything starts, and refused
    /// in words that give the grammar.</summary>
    public sealed class ValidateFaultsAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            try
            {
                FaultRules.Parse(arguments as string ?? string.Empty);
            }
            catch (ArgumentException e)
            {
                throw new ValidationMetadataException($"'{arguments}' is not a list of faults: {e.Message}. Write {FaultRules.Grammar}.");
            }
        }
    }
}
