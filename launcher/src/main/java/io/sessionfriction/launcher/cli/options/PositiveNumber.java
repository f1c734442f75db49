package io.sessionfriction.launcher.cli.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A count that must be at least one (partitions, rounds): refused while the command line is read, before anything starts. */
public final class PositiveNumber implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
        if (number < 1) {
            throw new TypeConversionException("'" + value + "' is not a positive number");
        }
        return number;
    }
}
