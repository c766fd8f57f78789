import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);
import {
  EventBus,
  emptyCounts
} from "./chunk-U2OUVRQI.js";
import {
  CxError,
  ExitCode,
  TemplateError,
  Undefined,
  UndefinedVariableError,
  assertSafeName,
  callMethod,
  defined,
  formatPosition,
  member,
  pythonString,
  stripChars,
  truthy,
  withPosition
} from "./chunk-3Y4EA53L.js";
import {
  require_dist
} from "./chunk-UADUSSYU.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-OXHHG2RI.js";

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value2, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value2];
        }
        previous.push(value2);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value2, description) {
        this.defaultValue = value2;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports.Argument = Argument2;
    exports.humanReadableArgName = humanReadableArgName;
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b) => {
            return a.name().localeCompare(b.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args2 = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args2 ? " " + args2 : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) result.set(group, []);
        });
        visibleItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) {
            result.set(group, []);
          }
          result.get(group).push(item);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term, description) {
          return helper.formatItem(term, termWidth, description, helper);
        }
        let output = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output = output.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output = output.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(this.formatItemList(group, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands, group) => {
          const commandList = commands.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output = output.concat(this.formatItemList(group, commandList, helper));
        });
        return output.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str) {
        return stripColor(str).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str) {
        return str;
      }
      styleUsage(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleOptionDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleSubcommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleArgumentDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleDescriptionText(str) {
        return str;
      }
      styleOptionTerm(str) {
        return this.styleOptionText(str);
      }
      styleSubcommandTerm(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str) {
        return this.styleArgumentText(str);
      }
      styleOptionText(str) {
        return str;
      }
      styleArgumentText(str) {
        return str;
      }
      styleSubcommandText(str) {
        return str;
      }
      styleCommandText(str) {
        return str;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str) {
        return /\n[^\S\r\n]/.test(str);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str, width) {
        if (width < this.minWidthToWrap) return str;
        const rawLines = str.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line) => {
          const chunks = line.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str.replace(sgrPattern, "");
    }
    exports.Help = Help2;
    exports.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value2, description) {
        this.defaultValue = value2;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value2, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value2];
        }
        previous.push(value2);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value2, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value2, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value2);
      }
    };
    function camelcase(str) {
      return str.split("-").reduce((str2, word) => {
        return str2 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports.Option = Option2;
    exports.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports) {
    var maxDistance = 3;
    function editDistance2(a, b) {
      if (Math.abs(a.length - b.length) > maxDistance)
        return Math.max(a.length, b.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance2(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b) => a.localeCompare(b));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports) {
    var EventEmitter = __require("node:events").EventEmitter;
    var childProcess = __require("node:child_process");
    var path = __require("node:path");
    var fs = __require("node:fs");
    var process2 = __require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str) => process2.stdout.write(str),
          writeErr: (str) => process2.stderr.write(str),
          outputError: (str, write) => write(str),
          getOutHelpWidth: () => process2.stdout.isTTY ? process2.stdout.columns : void 0,
          getErrHelpWidth: () => process2.stderr.isTTY ? process2.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process2.stdout.isTTY && process2.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process2.stderr.isTTY && process2.stderr.hasColors?.()),
          stripColor: (str) => stripColor(str)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args2] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args2) cmd.arguments(args2);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description) {
        return new Argument2(name, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description, parseArg, defaultValue) {
        const argument = this.createArgument(name, description);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code, message));
        }
        process2.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args2) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args2.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value2, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value2, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command);
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m = regex.exec(val);
            return m ? m[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine2 = true) {
        this._combineFlagAndOptionalValue = !!combine2;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value2) {
        return this.setOptionValueWithSource(key, value2, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value2, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value2;
        } else {
          this._optionValues[key] = value2;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions = parseOptions || {};
        if (argv === void 0 && parseOptions.from === void 0) {
          if (process2.versions?.electron) {
            parseOptions.from = "electron";
          }
          const execArgv = process2.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process2.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process2.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args2) {
        args2 = args2.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName) {
          const localBin = path.resolve(baseDir, baseName);
          if (fs.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path.extname(baseName))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path.resolve(
            path.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path.basename(
              this._scriptPath,
              path.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path.extname(executableFile));
        let proc;
        if (process2.platform !== "win32") {
          if (launchWithNode) {
            args2.unshift(executableFile);
            args2 = incrementNodeInspectorPort(process2.execArgv).concat(args2);
            proc = childProcess.spawn(process2.argv[0], args2, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args2, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args2.unshift(executableFile);
          args2 = incrementNodeInspectorPort(process2.execArgv).concat(args2);
          proc = childProcess.spawn(process2.execPath, args2, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process2.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code) => {
          code = code ?? 1;
          if (!exitCallback) {
            process2.exit(code);
          } else {
            exitCallback(
              new CommanderError2(
                code,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process2.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName, operands, unknown) {
        const subCommand = this._findCommand(commandName);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value2, previous) => {
          let parsedValue = value2;
          if (value2 !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value2}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value2,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value2 = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value2 = this.args.slice(index);
              if (declaredArg.parseArg) {
                value2 = value2.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value2 === void 0) {
              value2 = [];
            }
          } else if (index < this.args.length) {
            value2 = this.args[index];
            if (declaredArg.parseArg) {
              value2 = myParseArg(declaredArg, value2, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value2;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed2 = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed2.operands);
        unknown = parsed2.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed2.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed2.unknown.length > 0) {
            this.unknownOption(parsed2.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined2) => option.conflictsWith.includes(defined2.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args2) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args2.length || activeGroup) {
          const arg = activeGroup ?? args2[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args2.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value2 = args2[i++];
                if (value2 === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value2);
              } else if (option.optional) {
                let value2 = null;
                if (i < args2.length && (!maybeOption(args2[i]) || negativeNumberArg(args2[i]))) {
                  value2 = args2[i++];
                }
                this.emit(`option:${option.name()}`, value2);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args2.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args2.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args2.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args2.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code = config.code || "commander.error";
        this._exit(exitCode, code, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process2.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process2.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message = `error: missing required argument '${name}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag2) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag2.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag2, candidateFlags);
        }
        const message = `error: unknown option '${flag2}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected = this.registeredArguments.length;
        const s = expected === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str, flags, description) {
        if (str === void 0) return this._version;
        this._version = str;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str}
`);
          this._exit(0, "commander.version", str);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str, argsDescription) {
        if (str === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str) {
        if (str === void 0) return this._summary;
        this._summary = str;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str) {
        if (str === void 0) {
          if (this._usage) return this._usage;
          const args2 = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args2 : []
          ).join(" ");
        }
        this._usage = str;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str) {
        if (str === void 0) return this._name;
        this._name = str;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path.basename(filename, path.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path2) {
        if (path2 === void 0) return this._executableDir;
        this._executableDir = path2;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text2 = helper.formatHelp(this, helper);
        if (context.hasColors) return text2;
        return this._outputConfiguration.stripColor(text2);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str) => this._outputConfiguration.writeErr(str);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str) => this._outputConfiguration.writeOut(str);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write = (str) => {
          if (!hasColors) str = this._outputConfiguration.stripColor(str);
          return baseWrite(str);
        };
        return { error, write, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description ?? "display help for command"
        );
        if (flags || description) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process2.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text2) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text2 === "function") {
            helpStr = text2({ error: context.error, command: context.command });
          } else {
            helpStr = text2;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args2) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args2.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args2) {
      return args2.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match2;
        if ((match2 = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match2[1];
        } else if ((match2 = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match2[1];
          if (/^\d+$/.test(match2[3])) {
            debugPort = match2[3];
          } else {
            debugHost = match2[3];
          }
        } else if ((match2 = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match2[1];
          debugHost = match2[3];
          debugPort = match2[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process2.env.NO_COLOR || process2.env.FORCE_COLOR === "0" || process2.env.FORCE_COLOR === "false")
        return false;
      if (process2.env.FORCE_COLOR || process2.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports.Command = Command2;
    exports.useColor = useColor;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports.program = new Command2();
    exports.createCommand = (name) => new Command2(name);
    exports.createOption = (flags, description) => new Option2(flags, description);
    exports.createArgument = (name, description) => new Argument2(name, description);
    exports.Command = Command2;
    exports.Option = Option2;
    exports.Argument = Argument2;
    exports.Help = Help2;
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
    exports.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// node_modules/ajv/dist/compile/codegen/code.js
var require_code = __commonJS({
  "node_modules/ajv/dist/compile/codegen/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.regexpCode = exports.getEsmExportName = exports.getProperty = exports.safeStringify = exports.stringify = exports.strConcat = exports.addCodeArg = exports.str = exports._ = exports.nil = exports._Code = exports.Name = exports.IDENTIFIER = exports._CodeOrName = void 0;
    var _CodeOrName = class {
    };
    exports._CodeOrName = _CodeOrName;
    exports.IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
    var Name = class extends _CodeOrName {
      constructor(s) {
        super();
        if (!exports.IDENTIFIER.test(s))
          throw new Error("CodeGen: name must be a valid identifier");
        this.str = s;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        return false;
      }
      get names() {
        return { [this.str]: 1 };
      }
    };
    exports.Name = Name;
    var _Code = class extends _CodeOrName {
      constructor(code) {
        super();
        this._items = typeof code === "string" ? [code] : code;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        if (this._items.length > 1)
          return false;
        const item = this._items[0];
        return item === "" || item === '""';
      }
      get str() {
        var _a;
        return (_a = this._str) !== null && _a !== void 0 ? _a : this._str = this._items.reduce((s, c) => `${s}${c}`, "");
      }
      get names() {
        var _a;
        return (_a = this._names) !== null && _a !== void 0 ? _a : this._names = this._items.reduce((names, c) => {
          if (c instanceof Name)
            names[c.str] = (names[c.str] || 0) + 1;
          return names;
        }, {});
      }
    };
    exports._Code = _Code;
    exports.nil = new _Code("");
    function _(strs, ...args2) {
      const code = [strs[0]];
      let i = 0;
      while (i < args2.length) {
        addCodeArg(code, args2[i]);
        code.push(strs[++i]);
      }
      return new _Code(code);
    }
    exports._ = _;
    var plus = new _Code("+");
    function str(strs, ...args2) {
      const expr = [safeStringify(strs[0])];
      let i = 0;
      while (i < args2.length) {
        expr.push(plus);
        addCodeArg(expr, args2[i]);
        expr.push(plus, safeStringify(strs[++i]));
      }
      optimize(expr);
      return new _Code(expr);
    }
    exports.str = str;
    function addCodeArg(code, arg) {
      if (arg instanceof _Code)
        code.push(...arg._items);
      else if (arg instanceof Name)
        code.push(arg);
      else
        code.push(interpolate(arg));
    }
    exports.addCodeArg = addCodeArg;
    function optimize(expr) {
      let i = 1;
      while (i < expr.length - 1) {
        if (expr[i] === plus) {
          const res = mergeExprItems(expr[i - 1], expr[i + 1]);
          if (res !== void 0) {
            expr.splice(i - 1, 3, res);
            continue;
          }
          expr[i++] = "+";
        }
        i++;
      }
    }
    function mergeExprItems(a, b) {
      if (b === '""')
        return a;
      if (a === '""')
        return b;
      if (typeof a == "string") {
        if (b instanceof Name || a[a.length - 1] !== '"')
          return;
        if (typeof b != "string")
          return `${a.slice(0, -1)}${b}"`;
        if (b[0] === '"')
          return a.slice(0, -1) + b.slice(1);
        return;
      }
      if (typeof b == "string" && b[0] === '"' && !(a instanceof Name))
        return `"${a}${b.slice(1)}`;
      return;
    }
    function strConcat(c1, c2) {
      return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str`${c1}${c2}`;
    }
    exports.strConcat = strConcat;
    function interpolate(x) {
      return typeof x == "number" || typeof x == "boolean" || x === null ? x : safeStringify(Array.isArray(x) ? x.join(",") : x);
    }
    function stringify(x) {
      return new _Code(safeStringify(x));
    }
    exports.stringify = stringify;
    function safeStringify(x) {
      return JSON.stringify(x).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
    }
    exports.safeStringify = safeStringify;
    function getProperty(key) {
      return typeof key == "string" && exports.IDENTIFIER.test(key) ? new _Code(`.${key}`) : _`[${key}]`;
    }
    exports.getProperty = getProperty;
    function getEsmExportName(key) {
      if (typeof key == "string" && exports.IDENTIFIER.test(key)) {
        return new _Code(`${key}`);
      }
      throw new Error(`CodeGen: invalid export name: ${key}, use explicit $id name mapping`);
    }
    exports.getEsmExportName = getEsmExportName;
    function regexpCode(rx) {
      return new _Code(rx.toString());
    }
    exports.regexpCode = regexpCode;
  }
});

// node_modules/ajv/dist/compile/codegen/scope.js
var require_scope = __commonJS({
  "node_modules/ajv/dist/compile/codegen/scope.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ValueScope = exports.ValueScopeName = exports.Scope = exports.varKinds = exports.UsedValueState = void 0;
    var code_1 = require_code();
    var ValueError = class extends Error {
      constructor(name) {
        super(`CodeGen: "code" for ${name} not defined`);
        this.value = name.value;
      }
    };
    var UsedValueState;
    (function(UsedValueState2) {
      UsedValueState2[UsedValueState2["Started"] = 0] = "Started";
      UsedValueState2[UsedValueState2["Completed"] = 1] = "Completed";
    })(UsedValueState || (exports.UsedValueState = UsedValueState = {}));
    exports.varKinds = {
      const: new code_1.Name("const"),
      let: new code_1.Name("let"),
      var: new code_1.Name("var")
    };
    var Scope = class {
      constructor({ prefixes, parent } = {}) {
        this._names = {};
        this._prefixes = prefixes;
        this._parent = parent;
      }
      toName(nameOrPrefix) {
        return nameOrPrefix instanceof code_1.Name ? nameOrPrefix : this.name(nameOrPrefix);
      }
      name(prefix) {
        return new code_1.Name(this._newName(prefix));
      }
      _newName(prefix) {
        const ng = this._names[prefix] || this._nameGroup(prefix);
        return `${prefix}${ng.index++}`;
      }
      _nameGroup(prefix) {
        var _a, _b;
        if (((_b = (_a = this._parent) === null || _a === void 0 ? void 0 : _a._prefixes) === null || _b === void 0 ? void 0 : _b.has(prefix)) || this._prefixes && !this._prefixes.has(prefix)) {
          throw new Error(`CodeGen: prefix "${prefix}" is not allowed in this scope`);
        }
        return this._names[prefix] = { prefix, index: 0 };
      }
    };
    exports.Scope = Scope;
    var ValueScopeName = class extends code_1.Name {
      constructor(prefix, nameStr) {
        super(nameStr);
        this.prefix = prefix;
      }
      setValue(value2, { property, itemIndex }) {
        this.value = value2;
        this.scopePath = (0, code_1._)`.${new code_1.Name(property)}[${itemIndex}]`;
      }
    };
    exports.ValueScopeName = ValueScopeName;
    var line = (0, code_1._)`\n`;
    var ValueScope = class extends Scope {
      constructor(opts) {
        super(opts);
        this._values = {};
        this._scope = opts.scope;
        this.opts = { ...opts, _n: opts.lines ? line : code_1.nil };
      }
      get() {
        return this._scope;
      }
      name(prefix) {
        return new ValueScopeName(prefix, this._newName(prefix));
      }
      value(nameOrPrefix, value2) {
        var _a;
        if (value2.ref === void 0)
          throw new Error("CodeGen: ref must be passed in value");
        const name = this.toName(nameOrPrefix);
        const { prefix } = name;
        const valueKey = (_a = value2.key) !== null && _a !== void 0 ? _a : value2.ref;
        let vs = this._values[prefix];
        if (vs) {
          const _name = vs.get(valueKey);
          if (_name)
            return _name;
        } else {
          vs = this._values[prefix] = /* @__PURE__ */ new Map();
        }
        vs.set(valueKey, name);
        const s = this._scope[prefix] || (this._scope[prefix] = []);
        const itemIndex = s.length;
        s[itemIndex] = value2.ref;
        name.setValue(value2, { property: prefix, itemIndex });
        return name;
      }
      getValue(prefix, keyOrRef) {
        const vs = this._values[prefix];
        if (!vs)
          return;
        return vs.get(keyOrRef);
      }
      scopeRefs(scopeName, values = this._values) {
        return this._reduceValues(values, (name) => {
          if (name.scopePath === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return (0, code_1._)`${scopeName}${name.scopePath}`;
        });
      }
      scopeCode(values = this._values, usedValues, getCode) {
        return this._reduceValues(values, (name) => {
          if (name.value === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return name.value.code;
        }, usedValues, getCode);
      }
      _reduceValues(values, valueCode, usedValues = {}, getCode) {
        let code = code_1.nil;
        for (const prefix in values) {
          const vs = values[prefix];
          if (!vs)
            continue;
          const nameSet = usedValues[prefix] = usedValues[prefix] || /* @__PURE__ */ new Map();
          vs.forEach((name) => {
            if (nameSet.has(name))
              return;
            nameSet.set(name, UsedValueState.Started);
            let c = valueCode(name);
            if (c) {
              const def = this.opts.es5 ? exports.varKinds.var : exports.varKinds.const;
              code = (0, code_1._)`${code}${def} ${name} = ${c};${this.opts._n}`;
            } else if (c = getCode === null || getCode === void 0 ? void 0 : getCode(name)) {
              code = (0, code_1._)`${code}${c}${this.opts._n}`;
            } else {
              throw new ValueError(name);
            }
            nameSet.set(name, UsedValueState.Completed);
          });
        }
        return code;
      }
    };
    exports.ValueScope = ValueScope;
  }
});

// node_modules/ajv/dist/compile/codegen/index.js
var require_codegen = __commonJS({
  "node_modules/ajv/dist/compile/codegen/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.or = exports.and = exports.not = exports.CodeGen = exports.operators = exports.varKinds = exports.ValueScopeName = exports.ValueScope = exports.Scope = exports.Name = exports.regexpCode = exports.stringify = exports.getProperty = exports.nil = exports.strConcat = exports.str = exports._ = void 0;
    var code_1 = require_code();
    var scope_1 = require_scope();
    var code_2 = require_code();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return code_2._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return code_2.str;
    } });
    Object.defineProperty(exports, "strConcat", { enumerable: true, get: function() {
      return code_2.strConcat;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return code_2.nil;
    } });
    Object.defineProperty(exports, "getProperty", { enumerable: true, get: function() {
      return code_2.getProperty;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return code_2.stringify;
    } });
    Object.defineProperty(exports, "regexpCode", { enumerable: true, get: function() {
      return code_2.regexpCode;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return code_2.Name;
    } });
    var scope_2 = require_scope();
    Object.defineProperty(exports, "Scope", { enumerable: true, get: function() {
      return scope_2.Scope;
    } });
    Object.defineProperty(exports, "ValueScope", { enumerable: true, get: function() {
      return scope_2.ValueScope;
    } });
    Object.defineProperty(exports, "ValueScopeName", { enumerable: true, get: function() {
      return scope_2.ValueScopeName;
    } });
    Object.defineProperty(exports, "varKinds", { enumerable: true, get: function() {
      return scope_2.varKinds;
    } });
    exports.operators = {
      GT: new code_1._Code(">"),
      GTE: new code_1._Code(">="),
      LT: new code_1._Code("<"),
      LTE: new code_1._Code("<="),
      EQ: new code_1._Code("==="),
      NEQ: new code_1._Code("!=="),
      NOT: new code_1._Code("!"),
      OR: new code_1._Code("||"),
      AND: new code_1._Code("&&"),
      ADD: new code_1._Code("+")
    };
    var Node2 = class {
      optimizeNodes() {
        return this;
      }
      optimizeNames(_names, _constants) {
        return this;
      }
    };
    var Def = class extends Node2 {
      constructor(varKind, name, rhs) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.rhs = rhs;
      }
      render({ es5, _n }) {
        const varKind = es5 ? scope_1.varKinds.var : this.varKind;
        const rhs = this.rhs === void 0 ? "" : ` = ${this.rhs}`;
        return `${varKind} ${this.name}${rhs};` + _n;
      }
      optimizeNames(names, constants) {
        if (!names[this.name.str])
          return;
        if (this.rhs)
          this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
      }
      get names() {
        return this.rhs instanceof code_1._CodeOrName ? this.rhs.names : {};
      }
    };
    var Assign = class extends Node2 {
      constructor(lhs, rhs, sideEffects) {
        super();
        this.lhs = lhs;
        this.rhs = rhs;
        this.sideEffects = sideEffects;
      }
      render({ _n }) {
        return `${this.lhs} = ${this.rhs};` + _n;
      }
      optimizeNames(names, constants) {
        if (this.lhs instanceof code_1.Name && !names[this.lhs.str] && !this.sideEffects)
          return;
        this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
      }
      get names() {
        const names = this.lhs instanceof code_1.Name ? {} : { ...this.lhs.names };
        return addExprNames(names, this.rhs);
      }
    };
    var AssignOp = class extends Assign {
      constructor(lhs, op, rhs, sideEffects) {
        super(lhs, rhs, sideEffects);
        this.op = op;
      }
      render({ _n }) {
        return `${this.lhs} ${this.op}= ${this.rhs};` + _n;
      }
    };
    var Label = class extends Node2 {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        return `${this.label}:` + _n;
      }
    };
    var Break = class extends Node2 {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        const label = this.label ? ` ${this.label}` : "";
        return `break${label};` + _n;
      }
    };
    var Throw = class extends Node2 {
      constructor(error) {
        super();
        this.error = error;
      }
      render({ _n }) {
        return `throw ${this.error};` + _n;
      }
      get names() {
        return this.error.names;
      }
    };
    var AnyCode = class extends Node2 {
      constructor(code) {
        super();
        this.code = code;
      }
      render({ _n }) {
        return `${this.code};` + _n;
      }
      optimizeNodes() {
        return `${this.code}` ? this : void 0;
      }
      optimizeNames(names, constants) {
        this.code = optimizeExpr(this.code, names, constants);
        return this;
      }
      get names() {
        return this.code instanceof code_1._CodeOrName ? this.code.names : {};
      }
    };
    var ParentNode = class extends Node2 {
      constructor(nodes2 = []) {
        super();
        this.nodes = nodes2;
      }
      render(opts) {
        return this.nodes.reduce((code, n) => code + n.render(opts), "");
      }
      optimizeNodes() {
        const { nodes: nodes2 } = this;
        let i = nodes2.length;
        while (i--) {
          const n = nodes2[i].optimizeNodes();
          if (Array.isArray(n))
            nodes2.splice(i, 1, ...n);
          else if (n)
            nodes2[i] = n;
          else
            nodes2.splice(i, 1);
        }
        return nodes2.length > 0 ? this : void 0;
      }
      optimizeNames(names, constants) {
        const { nodes: nodes2 } = this;
        let i = nodes2.length;
        while (i--) {
          const n = nodes2[i];
          if (n.optimizeNames(names, constants))
            continue;
          subtractNames(names, n.names);
          nodes2.splice(i, 1);
        }
        return nodes2.length > 0 ? this : void 0;
      }
      get names() {
        return this.nodes.reduce((names, n) => addNames(names, n.names), {});
      }
    };
    var BlockNode = class extends ParentNode {
      render(opts) {
        return "{" + opts._n + super.render(opts) + "}" + opts._n;
      }
    };
    var Root = class extends ParentNode {
    };
    var Else = class extends BlockNode {
    };
    Else.kind = "else";
    var If = class _If extends BlockNode {
      constructor(condition, nodes2) {
        super(nodes2);
        this.condition = condition;
      }
      render(opts) {
        let code = `if(${this.condition})` + super.render(opts);
        if (this.else)
          code += "else " + this.else.render(opts);
        return code;
      }
      optimizeNodes() {
        super.optimizeNodes();
        const cond = this.condition;
        if (cond === true)
          return this.nodes;
        let e = this.else;
        if (e) {
          const ns = e.optimizeNodes();
          e = this.else = Array.isArray(ns) ? new Else(ns) : ns;
        }
        if (e) {
          if (cond === false)
            return e instanceof _If ? e : e.nodes;
          if (this.nodes.length)
            return this;
          return new _If(not(cond), e instanceof _If ? [e] : e.nodes);
        }
        if (cond === false || !this.nodes.length)
          return void 0;
        return this;
      }
      optimizeNames(names, constants) {
        var _a;
        this.else = (_a = this.else) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        if (!(super.optimizeNames(names, constants) || this.else))
          return;
        this.condition = optimizeExpr(this.condition, names, constants);
        return this;
      }
      get names() {
        const names = super.names;
        addExprNames(names, this.condition);
        if (this.else)
          addNames(names, this.else.names);
        return names;
      }
    };
    If.kind = "if";
    var For = class extends BlockNode {
    };
    For.kind = "for";
    var ForLoop = class extends For {
      constructor(iteration) {
        super();
        this.iteration = iteration;
      }
      render(opts) {
        return `for(${this.iteration})` + super.render(opts);
      }
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iteration = optimizeExpr(this.iteration, names, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iteration.names);
      }
    };
    var ForRange = class extends For {
      constructor(varKind, name, from, to) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.from = from;
        this.to = to;
      }
      render(opts) {
        const varKind = opts.es5 ? scope_1.varKinds.var : this.varKind;
        const { name, from, to } = this;
        return `for(${varKind} ${name}=${from}; ${name}<${to}; ${name}++)` + super.render(opts);
      }
      get names() {
        const names = addExprNames(super.names, this.from);
        return addExprNames(names, this.to);
      }
    };
    var ForIter = class extends For {
      constructor(loop, varKind, name, iterable) {
        super();
        this.loop = loop;
        this.varKind = varKind;
        this.name = name;
        this.iterable = iterable;
      }
      render(opts) {
        return `for(${this.varKind} ${this.name} ${this.loop} ${this.iterable})` + super.render(opts);
      }
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iterable = optimizeExpr(this.iterable, names, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iterable.names);
      }
    };
    var Func = class extends BlockNode {
      constructor(name, args2, async) {
        super();
        this.name = name;
        this.args = args2;
        this.async = async;
      }
      render(opts) {
        const _async = this.async ? "async " : "";
        return `${_async}function ${this.name}(${this.args})` + super.render(opts);
      }
    };
    Func.kind = "func";
    var Return = class extends ParentNode {
      render(opts) {
        return "return " + super.render(opts);
      }
    };
    Return.kind = "return";
    var Try = class extends BlockNode {
      render(opts) {
        let code = "try" + super.render(opts);
        if (this.catch)
          code += this.catch.render(opts);
        if (this.finally)
          code += this.finally.render(opts);
        return code;
      }
      optimizeNodes() {
        var _a, _b;
        super.optimizeNodes();
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNodes();
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
        return this;
      }
      optimizeNames(names, constants) {
        var _a, _b;
        super.optimizeNames(names, constants);
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names, constants);
        return this;
      }
      get names() {
        const names = super.names;
        if (this.catch)
          addNames(names, this.catch.names);
        if (this.finally)
          addNames(names, this.finally.names);
        return names;
      }
    };
    var Catch = class extends BlockNode {
      constructor(error) {
        super();
        this.error = error;
      }
      render(opts) {
        return `catch(${this.error})` + super.render(opts);
      }
    };
    Catch.kind = "catch";
    var Finally = class extends BlockNode {
      render(opts) {
        return "finally" + super.render(opts);
      }
    };
    Finally.kind = "finally";
    var CodeGen = class {
      constructor(extScope, opts = {}) {
        this._values = {};
        this._blockStarts = [];
        this._constants = {};
        this.opts = { ...opts, _n: opts.lines ? "\n" : "" };
        this._extScope = extScope;
        this._scope = new scope_1.Scope({ parent: extScope });
        this._nodes = [new Root()];
      }
      toString() {
        return this._root.render(this.opts);
      }
      // returns unique name in the internal scope
      name(prefix) {
        return this._scope.name(prefix);
      }
      // reserves unique name in the external scope
      scopeName(prefix) {
        return this._extScope.name(prefix);
      }
      // reserves unique name in the external scope and assigns value to it
      scopeValue(prefixOrName, value2) {
        const name = this._extScope.value(prefixOrName, value2);
        const vs = this._values[name.prefix] || (this._values[name.prefix] = /* @__PURE__ */ new Set());
        vs.add(name);
        return name;
      }
      getScopeValue(prefix, keyOrRef) {
        return this._extScope.getValue(prefix, keyOrRef);
      }
      // return code that assigns values in the external scope to the names that are used internally
      // (same names that were returned by gen.scopeName or gen.scopeValue)
      scopeRefs(scopeName) {
        return this._extScope.scopeRefs(scopeName, this._values);
      }
      scopeCode() {
        return this._extScope.scopeCode(this._values);
      }
      _def(varKind, nameOrPrefix, rhs, constant) {
        const name = this._scope.toName(nameOrPrefix);
        if (rhs !== void 0 && constant)
          this._constants[name.str] = rhs;
        this._leafNode(new Def(varKind, name, rhs));
        return name;
      }
      // `const` declaration (`var` in es5 mode)
      const(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.const, nameOrPrefix, rhs, _constant);
      }
      // `let` declaration with optional assignment (`var` in es5 mode)
      let(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.let, nameOrPrefix, rhs, _constant);
      }
      // `var` declaration with optional assignment
      var(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.var, nameOrPrefix, rhs, _constant);
      }
      // assignment code
      assign(lhs, rhs, sideEffects) {
        return this._leafNode(new Assign(lhs, rhs, sideEffects));
      }
      // `+=` code
      add(lhs, rhs) {
        return this._leafNode(new AssignOp(lhs, exports.operators.ADD, rhs));
      }
      // appends passed SafeExpr to code or executes Block
      code(c) {
        if (typeof c == "function")
          c();
        else if (c !== code_1.nil)
          this._leafNode(new AnyCode(c));
        return this;
      }
      // returns code for object literal for the passed argument list of key-value pairs
      object(...keyValues) {
        const code = ["{"];
        for (const [key, value2] of keyValues) {
          if (code.length > 1)
            code.push(",");
          code.push(key);
          if (key !== value2 || this.opts.es5) {
            code.push(":");
            (0, code_1.addCodeArg)(code, value2);
          }
        }
        code.push("}");
        return new code_1._Code(code);
      }
      // `if` clause (or statement if `thenBody` and, optionally, `elseBody` are passed)
      if(condition, thenBody, elseBody) {
        this._blockNode(new If(condition));
        if (thenBody && elseBody) {
          this.code(thenBody).else().code(elseBody).endIf();
        } else if (thenBody) {
          this.code(thenBody).endIf();
        } else if (elseBody) {
          throw new Error('CodeGen: "else" body without "then" body');
        }
        return this;
      }
      // `else if` clause - invalid without `if` or after `else` clauses
      elseIf(condition) {
        return this._elseNode(new If(condition));
      }
      // `else` clause - only valid after `if` or `else if` clauses
      else() {
        return this._elseNode(new Else());
      }
      // end `if` statement (needed if gen.if was used only with condition)
      endIf() {
        return this._endBlockNode(If, Else);
      }
      _for(node, forBody) {
        this._blockNode(node);
        if (forBody)
          this.code(forBody).endFor();
        return this;
      }
      // a generic `for` clause (or statement if `forBody` is passed)
      for(iteration, forBody) {
        return this._for(new ForLoop(iteration), forBody);
      }
      // `for` statement for a range of values
      forRange(nameOrPrefix, from, to, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.let) {
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForRange(varKind, name, from, to), () => forBody(name));
      }
      // `for-of` statement (in es5 mode replace with a normal for loop)
      forOf(nameOrPrefix, iterable, forBody, varKind = scope_1.varKinds.const) {
        const name = this._scope.toName(nameOrPrefix);
        if (this.opts.es5) {
          const arr = iterable instanceof code_1.Name ? iterable : this.var("_arr", iterable);
          return this.forRange("_i", 0, (0, code_1._)`${arr}.length`, (i) => {
            this.var(name, (0, code_1._)`${arr}[${i}]`);
            forBody(name);
          });
        }
        return this._for(new ForIter("of", varKind, name, iterable), () => forBody(name));
      }
      // `for-in` statement.
      // With option `ownProperties` replaced with a `for-of` loop for object keys
      forIn(nameOrPrefix, obj, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.const) {
        if (this.opts.ownProperties) {
          return this.forOf(nameOrPrefix, (0, code_1._)`Object.keys(${obj})`, forBody);
        }
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForIter("in", varKind, name, obj), () => forBody(name));
      }
      // end `for` loop
      endFor() {
        return this._endBlockNode(For);
      }
      // `label` statement
      label(label) {
        return this._leafNode(new Label(label));
      }
      // `break` statement
      break(label) {
        return this._leafNode(new Break(label));
      }
      // `return` statement
      return(value2) {
        const node = new Return();
        this._blockNode(node);
        this.code(value2);
        if (node.nodes.length !== 1)
          throw new Error('CodeGen: "return" should have one node');
        return this._endBlockNode(Return);
      }
      // `try` statement
      try(tryBody, catchCode, finallyCode) {
        if (!catchCode && !finallyCode)
          throw new Error('CodeGen: "try" without "catch" and "finally"');
        const node = new Try();
        this._blockNode(node);
        this.code(tryBody);
        if (catchCode) {
          const error = this.name("e");
          this._currNode = node.catch = new Catch(error);
          catchCode(error);
        }
        if (finallyCode) {
          this._currNode = node.finally = new Finally();
          this.code(finallyCode);
        }
        return this._endBlockNode(Catch, Finally);
      }
      // `throw` statement
      throw(error) {
        return this._leafNode(new Throw(error));
      }
      // start self-balancing block
      block(body, nodeCount) {
        this._blockStarts.push(this._nodes.length);
        if (body)
          this.code(body).endBlock(nodeCount);
        return this;
      }
      // end the current self-balancing block
      endBlock(nodeCount) {
        const len = this._blockStarts.pop();
        if (len === void 0)
          throw new Error("CodeGen: not in self-balancing block");
        const toClose = this._nodes.length - len;
        if (toClose < 0 || nodeCount !== void 0 && toClose !== nodeCount) {
          throw new Error(`CodeGen: wrong number of nodes: ${toClose} vs ${nodeCount} expected`);
        }
        this._nodes.length = len;
        return this;
      }
      // `function` heading (or definition if funcBody is passed)
      func(name, args2 = code_1.nil, async, funcBody) {
        this._blockNode(new Func(name, args2, async));
        if (funcBody)
          this.code(funcBody).endFunc();
        return this;
      }
      // end function definition
      endFunc() {
        return this._endBlockNode(Func);
      }
      optimize(n = 1) {
        while (n-- > 0) {
          this._root.optimizeNodes();
          this._root.optimizeNames(this._root.names, this._constants);
        }
      }
      _leafNode(node) {
        this._currNode.nodes.push(node);
        return this;
      }
      _blockNode(node) {
        this._currNode.nodes.push(node);
        this._nodes.push(node);
      }
      _endBlockNode(N1, N2) {
        const n = this._currNode;
        if (n instanceof N1 || N2 && n instanceof N2) {
          this._nodes.pop();
          return this;
        }
        throw new Error(`CodeGen: not in block "${N2 ? `${N1.kind}/${N2.kind}` : N1.kind}"`);
      }
      _elseNode(node) {
        const n = this._currNode;
        if (!(n instanceof If)) {
          throw new Error('CodeGen: "else" without "if"');
        }
        this._currNode = n.else = node;
        return this;
      }
      get _root() {
        return this._nodes[0];
      }
      get _currNode() {
        const ns = this._nodes;
        return ns[ns.length - 1];
      }
      set _currNode(node) {
        const ns = this._nodes;
        ns[ns.length - 1] = node;
      }
    };
    exports.CodeGen = CodeGen;
    function addNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) + (from[n] || 0);
      return names;
    }
    function addExprNames(names, from) {
      return from instanceof code_1._CodeOrName ? addNames(names, from.names) : names;
    }
    function optimizeExpr(expr, names, constants) {
      if (expr instanceof code_1.Name)
        return replaceName(expr);
      if (!canOptimize(expr))
        return expr;
      return new code_1._Code(expr._items.reduce((items, c) => {
        if (c instanceof code_1.Name)
          c = replaceName(c);
        if (c instanceof code_1._Code)
          items.push(...c._items);
        else
          items.push(c);
        return items;
      }, []));
      function replaceName(n) {
        const c = constants[n.str];
        if (c === void 0 || names[n.str] !== 1)
          return n;
        delete names[n.str];
        return c;
      }
      function canOptimize(e) {
        return e instanceof code_1._Code && e._items.some((c) => c instanceof code_1.Name && names[c.str] === 1 && constants[c.str] !== void 0);
      }
    }
    function subtractNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) - (from[n] || 0);
    }
    function not(x) {
      return typeof x == "boolean" || typeof x == "number" || x === null ? !x : (0, code_1._)`!${par(x)}`;
    }
    exports.not = not;
    var andCode = mappend(exports.operators.AND);
    function and(...args2) {
      return args2.reduce(andCode);
    }
    exports.and = and;
    var orCode = mappend(exports.operators.OR);
    function or(...args2) {
      return args2.reduce(orCode);
    }
    exports.or = or;
    function mappend(op) {
      return (x, y) => x === code_1.nil ? y : y === code_1.nil ? x : (0, code_1._)`${par(x)} ${op} ${par(y)}`;
    }
    function par(x) {
      return x instanceof code_1.Name ? x : (0, code_1._)`(${x})`;
    }
  }
});

// node_modules/ajv/dist/compile/util.js
var require_util = __commonJS({
  "node_modules/ajv/dist/compile/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.checkStrictMode = exports.getErrorPath = exports.Type = exports.useFunc = exports.setEvaluated = exports.evaluatedPropsToName = exports.mergeEvaluated = exports.eachItem = exports.unescapeJsonPointer = exports.escapeJsonPointer = exports.escapeFragment = exports.unescapeFragment = exports.schemaRefOrVal = exports.schemaHasRulesButRef = exports.schemaHasRules = exports.checkUnknownRules = exports.alwaysValidSchema = exports.toHash = void 0;
    var codegen_1 = require_codegen();
    var code_1 = require_code();
    function toHash(arr) {
      const hash = {};
      for (const item of arr)
        hash[item] = true;
      return hash;
    }
    exports.toHash = toHash;
    function alwaysValidSchema(it, schema) {
      if (typeof schema == "boolean")
        return schema;
      if (Object.keys(schema).length === 0)
        return true;
      checkUnknownRules(it, schema);
      return !schemaHasRules(schema, it.self.RULES.all);
    }
    exports.alwaysValidSchema = alwaysValidSchema;
    function checkUnknownRules(it, schema = it.schema) {
      const { opts, self } = it;
      if (!opts.strictSchema)
        return;
      if (typeof schema === "boolean")
        return;
      const rules = self.RULES.keywords;
      for (const key in schema) {
        if (!rules[key])
          checkStrictMode(it, `unknown keyword: "${key}"`);
      }
    }
    exports.checkUnknownRules = checkUnknownRules;
    function schemaHasRules(schema, rules) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (rules[key])
          return true;
      return false;
    }
    exports.schemaHasRules = schemaHasRules;
    function schemaHasRulesButRef(schema, RULES) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (key !== "$ref" && RULES.all[key])
          return true;
      return false;
    }
    exports.schemaHasRulesButRef = schemaHasRulesButRef;
    function schemaRefOrVal({ topSchemaRef, schemaPath }, schema, keyword, $data) {
      if (!$data) {
        if (typeof schema == "number" || typeof schema == "boolean")
          return schema;
        if (typeof schema == "string")
          return (0, codegen_1._)`${schema}`;
      }
      return (0, codegen_1._)`${topSchemaRef}${schemaPath}${(0, codegen_1.getProperty)(keyword)}`;
    }
    exports.schemaRefOrVal = schemaRefOrVal;
    function unescapeFragment(str) {
      return unescapeJsonPointer(decodeURIComponent(str));
    }
    exports.unescapeFragment = unescapeFragment;
    function escapeFragment(str) {
      return encodeURIComponent(escapeJsonPointer(str));
    }
    exports.escapeFragment = escapeFragment;
    function escapeJsonPointer(str) {
      if (typeof str == "number")
        return `${str}`;
      return str.replace(/~/g, "~0").replace(/\//g, "~1");
    }
    exports.escapeJsonPointer = escapeJsonPointer;
    function unescapeJsonPointer(str) {
      return str.replace(/~1/g, "/").replace(/~0/g, "~");
    }
    exports.unescapeJsonPointer = unescapeJsonPointer;
    function eachItem(xs, f) {
      if (Array.isArray(xs)) {
        for (const x of xs)
          f(x);
      } else {
        f(xs);
      }
    }
    exports.eachItem = eachItem;
    function makeMergeEvaluated({ mergeNames, mergeToName, mergeValues, resultToName }) {
      return (gen, from, to, toName) => {
        const res = to === void 0 ? from : to instanceof codegen_1.Name ? (from instanceof codegen_1.Name ? mergeNames(gen, from, to) : mergeToName(gen, from, to), to) : from instanceof codegen_1.Name ? (mergeToName(gen, to, from), from) : mergeValues(from, to);
        return toName === codegen_1.Name && !(res instanceof codegen_1.Name) ? resultToName(gen, res) : res;
      };
    }
    exports.mergeEvaluated = {
      props: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => {
          gen.if((0, codegen_1._)`${from} === true`, () => gen.assign(to, true), () => gen.assign(to, (0, codegen_1._)`${to} || {}`).code((0, codegen_1._)`Object.assign(${to}, ${from})`));
        }),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => {
          if (from === true) {
            gen.assign(to, true);
          } else {
            gen.assign(to, (0, codegen_1._)`${to} || {}`);
            setEvaluated(gen, to, from);
          }
        }),
        mergeValues: (from, to) => from === true ? true : { ...from, ...to },
        resultToName: evaluatedPropsToName
      }),
      items: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => gen.assign(to, (0, codegen_1._)`${from} === true ? true : ${to} > ${from} ? ${to} : ${from}`)),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => gen.assign(to, from === true ? true : (0, codegen_1._)`${to} > ${from} ? ${to} : ${from}`)),
        mergeValues: (from, to) => from === true ? true : Math.max(from, to),
        resultToName: (gen, items) => gen.var("items", items)
      })
    };
    function evaluatedPropsToName(gen, ps) {
      if (ps === true)
        return gen.var("props", true);
      const props = gen.var("props", (0, codegen_1._)`{}`);
      if (ps !== void 0)
        setEvaluated(gen, props, ps);
      return props;
    }
    exports.evaluatedPropsToName = evaluatedPropsToName;
    function setEvaluated(gen, props, ps) {
      Object.keys(ps).forEach((p) => gen.assign((0, codegen_1._)`${props}${(0, codegen_1.getProperty)(p)}`, true));
    }
    exports.setEvaluated = setEvaluated;
    var snippets = {};
    function useFunc(gen, f) {
      return gen.scopeValue("func", {
        ref: f,
        code: snippets[f.code] || (snippets[f.code] = new code_1._Code(f.code))
      });
    }
    exports.useFunc = useFunc;
    var Type;
    (function(Type2) {
      Type2[Type2["Num"] = 0] = "Num";
      Type2[Type2["Str"] = 1] = "Str";
    })(Type || (exports.Type = Type = {}));
    function getErrorPath(dataProp, dataPropType, jsPropertySyntax) {
      if (dataProp instanceof codegen_1.Name) {
        const isNumber = dataPropType === Type.Num;
        return jsPropertySyntax ? isNumber ? (0, codegen_1._)`"[" + ${dataProp} + "]"` : (0, codegen_1._)`"['" + ${dataProp} + "']"` : isNumber ? (0, codegen_1._)`"/" + ${dataProp}` : (0, codegen_1._)`"/" + ${dataProp}.replace(/~/g, "~0").replace(/\\//g, "~1")`;
      }
      return jsPropertySyntax ? (0, codegen_1.getProperty)(dataProp).toString() : "/" + escapeJsonPointer(dataProp);
    }
    exports.getErrorPath = getErrorPath;
    function checkStrictMode(it, msg, mode = it.opts.strictSchema) {
      if (!mode)
        return;
      msg = `strict mode: ${msg}`;
      if (mode === true)
        throw new Error(msg);
      it.self.logger.warn(msg);
    }
    exports.checkStrictMode = checkStrictMode;
  }
});

// node_modules/ajv/dist/compile/names.js
var require_names = __commonJS({
  "node_modules/ajv/dist/compile/names.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var names = {
      // validation function arguments
      data: new codegen_1.Name("data"),
      // data passed to validation function
      // args passed from referencing schema
      valCxt: new codegen_1.Name("valCxt"),
      // validation/data context - should not be used directly, it is destructured to the names below
      instancePath: new codegen_1.Name("instancePath"),
      parentData: new codegen_1.Name("parentData"),
      parentDataProperty: new codegen_1.Name("parentDataProperty"),
      rootData: new codegen_1.Name("rootData"),
      // root data - same as the data passed to the first/top validation function
      dynamicAnchors: new codegen_1.Name("dynamicAnchors"),
      // used to support recursiveRef and dynamicRef
      // function scoped variables
      vErrors: new codegen_1.Name("vErrors"),
      // null or array of validation errors
      errors: new codegen_1.Name("errors"),
      // counter of validation errors
      this: new codegen_1.Name("this"),
      // "globals"
      self: new codegen_1.Name("self"),
      scope: new codegen_1.Name("scope"),
      // JTD serialize/parse name for JSON string and position
      json: new codegen_1.Name("json"),
      jsonPos: new codegen_1.Name("jsonPos"),
      jsonLen: new codegen_1.Name("jsonLen"),
      jsonPart: new codegen_1.Name("jsonPart")
    };
    exports.default = names;
  }
});

// node_modules/ajv/dist/compile/errors.js
var require_errors = __commonJS({
  "node_modules/ajv/dist/compile/errors.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendErrors = exports.resetErrorsCount = exports.reportExtraError = exports.reportError = exports.keyword$DataError = exports.keywordError = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    exports.keywordError = {
      message: ({ keyword }) => (0, codegen_1.str)`must pass "${keyword}" keyword validation`
    };
    exports.keyword$DataError = {
      message: ({ keyword, schemaType }) => schemaType ? (0, codegen_1.str)`"${keyword}" keyword must be ${schemaType} ($data)` : (0, codegen_1.str)`"${keyword}" keyword is invalid ($data)`
    };
    function reportError(cxt, error = exports.keywordError, errorPaths, overrideAllErrors) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      if (overrideAllErrors !== null && overrideAllErrors !== void 0 ? overrideAllErrors : compositeRule || allErrors) {
        addError(gen, errObj);
      } else {
        returnErrors(it, (0, codegen_1._)`[${errObj}]`);
      }
    }
    exports.reportError = reportError;
    function reportExtraError(cxt, error = exports.keywordError, errorPaths) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      addError(gen, errObj);
      if (!(compositeRule || allErrors)) {
        returnErrors(it, names_1.default.vErrors);
      }
    }
    exports.reportExtraError = reportExtraError;
    function resetErrorsCount(gen, errsCount) {
      gen.assign(names_1.default.errors, errsCount);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} !== null`, () => gen.if(errsCount, () => gen.assign((0, codegen_1._)`${names_1.default.vErrors}.length`, errsCount), () => gen.assign(names_1.default.vErrors, null)));
    }
    exports.resetErrorsCount = resetErrorsCount;
    function extendErrors({ gen, keyword, schemaValue, data, errsCount, it }) {
      if (errsCount === void 0)
        throw new Error("ajv implementation error");
      const err = gen.name("err");
      gen.forRange("i", errsCount, names_1.default.errors, (i) => {
        gen.const(err, (0, codegen_1._)`${names_1.default.vErrors}[${i}]`);
        gen.if((0, codegen_1._)`${err}.instancePath === undefined`, () => gen.assign((0, codegen_1._)`${err}.instancePath`, (0, codegen_1.strConcat)(names_1.default.instancePath, it.errorPath)));
        gen.assign((0, codegen_1._)`${err}.schemaPath`, (0, codegen_1.str)`${it.errSchemaPath}/${keyword}`);
        if (it.opts.verbose) {
          gen.assign((0, codegen_1._)`${err}.schema`, schemaValue);
          gen.assign((0, codegen_1._)`${err}.data`, data);
        }
      });
    }
    exports.extendErrors = extendErrors;
    function addError(gen, errObj) {
      const err = gen.const("err", errObj);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} === null`, () => gen.assign(names_1.default.vErrors, (0, codegen_1._)`[${err}]`), (0, codegen_1._)`${names_1.default.vErrors}.push(${err})`);
      gen.code((0, codegen_1._)`${names_1.default.errors}++`);
    }
    function returnErrors(it, errs) {
      const { gen, validateName, schemaEnv } = it;
      if (schemaEnv.$async) {
        gen.throw((0, codegen_1._)`new ${it.ValidationError}(${errs})`);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, errs);
        gen.return(false);
      }
    }
    var E = {
      keyword: new codegen_1.Name("keyword"),
      schemaPath: new codegen_1.Name("schemaPath"),
      // also used in JTD errors
      params: new codegen_1.Name("params"),
      propertyName: new codegen_1.Name("propertyName"),
      message: new codegen_1.Name("message"),
      schema: new codegen_1.Name("schema"),
      parentSchema: new codegen_1.Name("parentSchema")
    };
    function errorObjectCode(cxt, error, errorPaths) {
      const { createErrors } = cxt.it;
      if (createErrors === false)
        return (0, codegen_1._)`{}`;
      return errorObject(cxt, error, errorPaths);
    }
    function errorObject(cxt, error, errorPaths = {}) {
      const { gen, it } = cxt;
      const keyValues = [
        errorInstancePath(it, errorPaths),
        errorSchemaPath(cxt, errorPaths)
      ];
      extraErrorProps(cxt, error, keyValues);
      return gen.object(...keyValues);
    }
    function errorInstancePath({ errorPath }, { instancePath }) {
      const instPath = instancePath ? (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(instancePath, util_1.Type.Str)}` : errorPath;
      return [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, instPath)];
    }
    function errorSchemaPath({ keyword, it: { errSchemaPath } }, { schemaPath, parentSchema }) {
      let schPath = parentSchema ? errSchemaPath : (0, codegen_1.str)`${errSchemaPath}/${keyword}`;
      if (schemaPath) {
        schPath = (0, codegen_1.str)`${schPath}${(0, util_1.getErrorPath)(schemaPath, util_1.Type.Str)}`;
      }
      return [E.schemaPath, schPath];
    }
    function extraErrorProps(cxt, { params, message }, keyValues) {
      const { keyword, data, schemaValue, it } = cxt;
      const { opts, propertyName, topSchemaRef, schemaPath } = it;
      keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._)`{}`]);
      if (opts.messages) {
        keyValues.push([E.message, typeof message == "function" ? message(cxt) : message]);
      }
      if (opts.verbose) {
        keyValues.push([E.schema, schemaValue], [E.parentSchema, (0, codegen_1._)`${topSchemaRef}${schemaPath}`], [names_1.default.data, data]);
      }
      if (propertyName)
        keyValues.push([E.propertyName, propertyName]);
    }
  }
});

// node_modules/ajv/dist/compile/validate/boolSchema.js
var require_boolSchema = __commonJS({
  "node_modules/ajv/dist/compile/validate/boolSchema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.boolOrEmptySchema = exports.topBoolOrEmptySchema = void 0;
    var errors_1 = require_errors();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var boolError = {
      message: "boolean schema is false"
    };
    function topBoolOrEmptySchema(it) {
      const { gen, schema, validateName } = it;
      if (schema === false) {
        falseSchemaError(it, false);
      } else if (typeof schema == "object" && schema.$async === true) {
        gen.return(names_1.default.data);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, null);
        gen.return(true);
      }
    }
    exports.topBoolOrEmptySchema = topBoolOrEmptySchema;
    function boolOrEmptySchema(it, valid) {
      const { gen, schema } = it;
      if (schema === false) {
        gen.var(valid, false);
        falseSchemaError(it);
      } else {
        gen.var(valid, true);
      }
    }
    exports.boolOrEmptySchema = boolOrEmptySchema;
    function falseSchemaError(it, overrideAllErrors) {
      const { gen, data } = it;
      const cxt = {
        gen,
        keyword: "false schema",
        data,
        schema: false,
        schemaCode: false,
        schemaValue: false,
        params: {},
        it
      };
      (0, errors_1.reportError)(cxt, boolError, void 0, overrideAllErrors);
    }
  }
});

// node_modules/ajv/dist/compile/rules.js
var require_rules = __commonJS({
  "node_modules/ajv/dist/compile/rules.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getRules = exports.isJSONType = void 0;
    var _jsonTypes = ["string", "number", "integer", "boolean", "null", "object", "array"];
    var jsonTypes = new Set(_jsonTypes);
    function isJSONType(x) {
      return typeof x == "string" && jsonTypes.has(x);
    }
    exports.isJSONType = isJSONType;
    function getRules() {
      const groups = {
        number: { type: "number", rules: [] },
        string: { type: "string", rules: [] },
        array: { type: "array", rules: [] },
        object: { type: "object", rules: [] }
      };
      return {
        types: { ...groups, integer: true, boolean: true, null: true },
        rules: [{ rules: [] }, groups.number, groups.string, groups.array, groups.object],
        post: { rules: [] },
        all: {},
        keywords: {}
      };
    }
    exports.getRules = getRules;
  }
});

// node_modules/ajv/dist/compile/validate/applicability.js
var require_applicability = __commonJS({
  "node_modules/ajv/dist/compile/validate/applicability.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.shouldUseRule = exports.shouldUseGroup = exports.schemaHasRulesForType = void 0;
    function schemaHasRulesForType({ schema, self }, type) {
      const group = self.RULES.types[type];
      return group && group !== true && shouldUseGroup(schema, group);
    }
    exports.schemaHasRulesForType = schemaHasRulesForType;
    function shouldUseGroup(schema, group) {
      return group.rules.some((rule) => shouldUseRule(schema, rule));
    }
    exports.shouldUseGroup = shouldUseGroup;
    function shouldUseRule(schema, rule) {
      var _a;
      return schema[rule.keyword] !== void 0 || ((_a = rule.definition.implements) === null || _a === void 0 ? void 0 : _a.some((kwd) => schema[kwd] !== void 0));
    }
    exports.shouldUseRule = shouldUseRule;
  }
});

// node_modules/ajv/dist/compile/validate/dataType.js
var require_dataType = __commonJS({
  "node_modules/ajv/dist/compile/validate/dataType.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.reportTypeError = exports.checkDataTypes = exports.checkDataType = exports.coerceAndCheckDataType = exports.getJSONTypes = exports.getSchemaTypes = exports.DataType = void 0;
    var rules_1 = require_rules();
    var applicability_1 = require_applicability();
    var errors_1 = require_errors();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var DataType;
    (function(DataType2) {
      DataType2[DataType2["Correct"] = 0] = "Correct";
      DataType2[DataType2["Wrong"] = 1] = "Wrong";
    })(DataType || (exports.DataType = DataType = {}));
    function getSchemaTypes(schema) {
      const types = getJSONTypes(schema.type);
      const hasNull = types.includes("null");
      if (hasNull) {
        if (schema.nullable === false)
          throw new Error("type: null contradicts nullable: false");
      } else {
        if (!types.length && schema.nullable !== void 0) {
          throw new Error('"nullable" cannot be used without "type"');
        }
        if (schema.nullable === true)
          types.push("null");
      }
      return types;
    }
    exports.getSchemaTypes = getSchemaTypes;
    function getJSONTypes(ts) {
      const types = Array.isArray(ts) ? ts : ts ? [ts] : [];
      if (types.every(rules_1.isJSONType))
        return types;
      throw new Error("type must be JSONType or JSONType[]: " + types.join(","));
    }
    exports.getJSONTypes = getJSONTypes;
    function coerceAndCheckDataType(it, types) {
      const { gen, data, opts } = it;
      const coerceTo = coerceToTypes(types, opts.coerceTypes);
      const checkTypes = types.length > 0 && !(coerceTo.length === 0 && types.length === 1 && (0, applicability_1.schemaHasRulesForType)(it, types[0]));
      if (checkTypes) {
        const wrongType = checkDataTypes(types, data, opts.strictNumbers, DataType.Wrong);
        gen.if(wrongType, () => {
          if (coerceTo.length)
            coerceData(it, types, coerceTo);
          else
            reportTypeError(it);
        });
      }
      return checkTypes;
    }
    exports.coerceAndCheckDataType = coerceAndCheckDataType;
    var COERCIBLE = /* @__PURE__ */ new Set(["string", "number", "integer", "boolean", "null"]);
    function coerceToTypes(types, coerceTypes) {
      return coerceTypes ? types.filter((t) => COERCIBLE.has(t) || coerceTypes === "array" && t === "array") : [];
    }
    function coerceData(it, types, coerceTo) {
      const { gen, data, opts } = it;
      const dataType = gen.let("dataType", (0, codegen_1._)`typeof ${data}`);
      const coerced = gen.let("coerced", (0, codegen_1._)`undefined`);
      if (opts.coerceTypes === "array") {
        gen.if((0, codegen_1._)`${dataType} == 'object' && Array.isArray(${data}) && ${data}.length == 1`, () => gen.assign(data, (0, codegen_1._)`${data}[0]`).assign(dataType, (0, codegen_1._)`typeof ${data}`).if(checkDataTypes(types, data, opts.strictNumbers), () => gen.assign(coerced, data)));
      }
      gen.if((0, codegen_1._)`${coerced} !== undefined`);
      for (const t of coerceTo) {
        if (COERCIBLE.has(t) || t === "array" && opts.coerceTypes === "array") {
          coerceSpecificType(t);
        }
      }
      gen.else();
      reportTypeError(it);
      gen.endIf();
      gen.if((0, codegen_1._)`${coerced} !== undefined`, () => {
        gen.assign(data, coerced);
        assignParentData(it, coerced);
      });
      function coerceSpecificType(t) {
        switch (t) {
          case "string":
            gen.elseIf((0, codegen_1._)`${dataType} == "number" || ${dataType} == "boolean"`).assign(coerced, (0, codegen_1._)`"" + ${data}`).elseIf((0, codegen_1._)`${data} === null`).assign(coerced, (0, codegen_1._)`""`);
            return;
          case "number":
            gen.elseIf((0, codegen_1._)`${dataType} == "boolean" || ${data} === null
              || (${dataType} == "string" && ${data} && ${data} == +${data})`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "integer":
            gen.elseIf((0, codegen_1._)`${dataType} === "boolean" || ${data} === null
              || (${dataType} === "string" && ${data} && ${data} == +${data} && !(${data} % 1))`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "boolean":
            gen.elseIf((0, codegen_1._)`${data} === "false" || ${data} === 0 || ${data} === null`).assign(coerced, false).elseIf((0, codegen_1._)`${data} === "true" || ${data} === 1`).assign(coerced, true);
            return;
          case "null":
            gen.elseIf((0, codegen_1._)`${data} === "" || ${data} === 0 || ${data} === false`);
            gen.assign(coerced, null);
            return;
          case "array":
            gen.elseIf((0, codegen_1._)`${dataType} === "string" || ${dataType} === "number"
              || ${dataType} === "boolean" || ${data} === null`).assign(coerced, (0, codegen_1._)`[${data}]`);
        }
      }
    }
    function assignParentData({ gen, parentData, parentDataProperty }, expr) {
      gen.if((0, codegen_1._)`${parentData} !== undefined`, () => gen.assign((0, codegen_1._)`${parentData}[${parentDataProperty}]`, expr));
    }
    function checkDataType(dataType, data, strictNums, correct = DataType.Correct) {
      const EQ = correct === DataType.Correct ? codegen_1.operators.EQ : codegen_1.operators.NEQ;
      let cond;
      switch (dataType) {
        case "null":
          return (0, codegen_1._)`${data} ${EQ} null`;
        case "array":
          cond = (0, codegen_1._)`Array.isArray(${data})`;
          break;
        case "object":
          cond = (0, codegen_1._)`${data} && typeof ${data} == "object" && !Array.isArray(${data})`;
          break;
        case "integer":
          cond = numCond((0, codegen_1._)`!(${data} % 1) && !isNaN(${data})`);
          break;
        case "number":
          cond = numCond();
          break;
        default:
          return (0, codegen_1._)`typeof ${data} ${EQ} ${dataType}`;
      }
      return correct === DataType.Correct ? cond : (0, codegen_1.not)(cond);
      function numCond(_cond = codegen_1.nil) {
        return (0, codegen_1.and)((0, codegen_1._)`typeof ${data} == "number"`, _cond, strictNums ? (0, codegen_1._)`isFinite(${data})` : codegen_1.nil);
      }
    }
    exports.checkDataType = checkDataType;
    function checkDataTypes(dataTypes, data, strictNums, correct) {
      if (dataTypes.length === 1) {
        return checkDataType(dataTypes[0], data, strictNums, correct);
      }
      let cond;
      const types = (0, util_1.toHash)(dataTypes);
      if (types.array && types.object) {
        const notObj = (0, codegen_1._)`typeof ${data} != "object"`;
        cond = types.null ? notObj : (0, codegen_1._)`!${data} || ${notObj}`;
        delete types.null;
        delete types.array;
        delete types.object;
      } else {
        cond = codegen_1.nil;
      }
      if (types.number)
        delete types.integer;
      for (const t in types)
        cond = (0, codegen_1.and)(cond, checkDataType(t, data, strictNums, correct));
      return cond;
    }
    exports.checkDataTypes = checkDataTypes;
    var typeError2 = {
      message: ({ schema }) => `must be ${schema}`,
      params: ({ schema, schemaValue }) => typeof schema == "string" ? (0, codegen_1._)`{type: ${schema}}` : (0, codegen_1._)`{type: ${schemaValue}}`
    };
    function reportTypeError(it) {
      const cxt = getTypeErrorContext(it);
      (0, errors_1.reportError)(cxt, typeError2);
    }
    exports.reportTypeError = reportTypeError;
    function getTypeErrorContext(it) {
      const { gen, data, schema } = it;
      const schemaCode = (0, util_1.schemaRefOrVal)(it, schema, "type");
      return {
        gen,
        keyword: "type",
        data,
        schema: schema.type,
        schemaCode,
        schemaValue: schemaCode,
        parentSchema: schema,
        params: {},
        it
      };
    }
  }
});

// node_modules/ajv/dist/compile/validate/defaults.js
var require_defaults = __commonJS({
  "node_modules/ajv/dist/compile/validate/defaults.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.assignDefaults = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function assignDefaults(it, ty) {
      const { properties, items } = it.schema;
      if (ty === "object" && properties) {
        for (const key in properties) {
          assignDefault(it, key, properties[key].default);
        }
      } else if (ty === "array" && Array.isArray(items)) {
        items.forEach((sch, i) => assignDefault(it, i, sch.default));
      }
    }
    exports.assignDefaults = assignDefaults;
    function assignDefault(it, prop, defaultValue) {
      const { gen, compositeRule, data, opts } = it;
      if (defaultValue === void 0)
        return;
      const childData = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(prop)}`;
      if (compositeRule) {
        (0, util_1.checkStrictMode)(it, `default is ignored for: ${childData}`);
        return;
      }
      let condition = (0, codegen_1._)`${childData} === undefined`;
      if (opts.useDefaults === "empty") {
        condition = (0, codegen_1._)`${condition} || ${childData} === null || ${childData} === ""`;
      }
      gen.if(condition, (0, codegen_1._)`${childData} = ${(0, codegen_1.stringify)(defaultValue)}`);
    }
  }
});

// node_modules/ajv/dist/vocabularies/code.js
var require_code2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateUnion = exports.validateArray = exports.usePattern = exports.callValidateCode = exports.schemaProperties = exports.allSchemaProperties = exports.noPropertyInData = exports.propertyInData = exports.isOwnProperty = exports.hasPropFunc = exports.reportMissingProp = exports.checkMissingProp = exports.checkReportMissingProp = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var util_2 = require_util();
    function checkReportMissingProp(cxt, prop) {
      const { gen, data, it } = cxt;
      gen.if(noPropertyInData(gen, data, prop, it.opts.ownProperties), () => {
        cxt.setParams({ missingProperty: (0, codegen_1._)`${prop}` }, true);
        cxt.error();
      });
    }
    exports.checkReportMissingProp = checkReportMissingProp;
    function checkMissingProp({ gen, data, it: { opts } }, properties, missing) {
      return (0, codegen_1.or)(...properties.map((prop) => (0, codegen_1.and)(noPropertyInData(gen, data, prop, opts.ownProperties), (0, codegen_1._)`${missing} = ${prop}`)));
    }
    exports.checkMissingProp = checkMissingProp;
    function reportMissingProp(cxt, missing) {
      cxt.setParams({ missingProperty: missing }, true);
      cxt.error();
    }
    exports.reportMissingProp = reportMissingProp;
    function hasPropFunc(gen) {
      return gen.scopeValue("func", {
        // eslint-disable-next-line @typescript-eslint/unbound-method
        ref: Object.prototype.hasOwnProperty,
        code: (0, codegen_1._)`Object.prototype.hasOwnProperty`
      });
    }
    exports.hasPropFunc = hasPropFunc;
    function isOwnProperty(gen, data, property) {
      return (0, codegen_1._)`${hasPropFunc(gen)}.call(${data}, ${property})`;
    }
    exports.isOwnProperty = isOwnProperty;
    function propertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} !== undefined`;
      return ownProperties ? (0, codegen_1._)`${cond} && ${isOwnProperty(gen, data, property)}` : cond;
    }
    exports.propertyInData = propertyInData;
    function noPropertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} === undefined`;
      return ownProperties ? (0, codegen_1.or)(cond, (0, codegen_1.not)(isOwnProperty(gen, data, property))) : cond;
    }
    exports.noPropertyInData = noPropertyInData;
    function allSchemaProperties(schemaMap) {
      return schemaMap ? Object.keys(schemaMap).filter((p) => p !== "__proto__") : [];
    }
    exports.allSchemaProperties = allSchemaProperties;
    function schemaProperties(it, schemaMap) {
      return allSchemaProperties(schemaMap).filter((p) => !(0, util_1.alwaysValidSchema)(it, schemaMap[p]));
    }
    exports.schemaProperties = schemaProperties;
    function callValidateCode({ schemaCode, data, it: { gen, topSchemaRef, schemaPath, errorPath }, it }, func, context, passSchema) {
      const dataAndSchema = passSchema ? (0, codegen_1._)`${schemaCode}, ${data}, ${topSchemaRef}${schemaPath}` : data;
      const valCxt = [
        [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, errorPath)],
        [names_1.default.parentData, it.parentData],
        [names_1.default.parentDataProperty, it.parentDataProperty],
        [names_1.default.rootData, names_1.default.rootData]
      ];
      if (it.opts.dynamicRef)
        valCxt.push([names_1.default.dynamicAnchors, names_1.default.dynamicAnchors]);
      const args2 = (0, codegen_1._)`${dataAndSchema}, ${gen.object(...valCxt)}`;
      return context !== codegen_1.nil ? (0, codegen_1._)`${func}.call(${context}, ${args2})` : (0, codegen_1._)`${func}(${args2})`;
    }
    exports.callValidateCode = callValidateCode;
    var newRegExp = (0, codegen_1._)`new RegExp`;
    function usePattern({ gen, it: { opts } }, pattern) {
      const u = opts.unicodeRegExp ? "u" : "";
      const { regExp } = opts.code;
      const rx = regExp(pattern, u);
      return gen.scopeValue("pattern", {
        key: rx.toString(),
        ref: rx,
        code: (0, codegen_1._)`${regExp.code === "new RegExp" ? newRegExp : (0, util_2.useFunc)(gen, regExp)}(${pattern}, ${u})`
      });
    }
    exports.usePattern = usePattern;
    function validateArray(cxt) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      if (it.allErrors) {
        const validArr = gen.let("valid", true);
        validateItems(() => gen.assign(validArr, false));
        return validArr;
      }
      gen.var(valid, true);
      validateItems(() => gen.break());
      return valid;
      function validateItems(notValid) {
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        gen.forRange("i", 0, len, (i) => {
          cxt.subschema({
            keyword,
            dataProp: i,
            dataPropType: util_1.Type.Num
          }, valid);
          gen.if((0, codegen_1.not)(valid), notValid);
        });
      }
    }
    exports.validateArray = validateArray;
    function validateUnion(cxt) {
      const { gen, schema, keyword, it } = cxt;
      if (!Array.isArray(schema))
        throw new Error("ajv implementation error");
      const alwaysValid = schema.some((sch) => (0, util_1.alwaysValidSchema)(it, sch));
      if (alwaysValid && !it.opts.unevaluated)
        return;
      const valid = gen.let("valid", false);
      const schValid = gen.name("_valid");
      gen.block(() => schema.forEach((_sch, i) => {
        const schCxt = cxt.subschema({
          keyword,
          schemaProp: i,
          compositeRule: true
        }, schValid);
        gen.assign(valid, (0, codegen_1._)`${valid} || ${schValid}`);
        const merged = cxt.mergeValidEvaluated(schCxt, schValid);
        if (!merged)
          gen.if((0, codegen_1.not)(valid));
      }));
      cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
    }
    exports.validateUnion = validateUnion;
  }
});

// node_modules/ajv/dist/compile/validate/keyword.js
var require_keyword = __commonJS({
  "node_modules/ajv/dist/compile/validate/keyword.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateKeywordUsage = exports.validSchemaType = exports.funcKeywordCode = exports.macroKeywordCode = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var code_1 = require_code2();
    var errors_1 = require_errors();
    function macroKeywordCode(cxt, def) {
      const { gen, keyword, schema, parentSchema, it } = cxt;
      const macroSchema = def.macro.call(it.self, schema, parentSchema, it);
      const schemaRef = useKeyword(gen, keyword, macroSchema);
      if (it.opts.validateSchema !== false)
        it.self.validateSchema(macroSchema, true);
      const valid = gen.name("valid");
      cxt.subschema({
        schema: macroSchema,
        schemaPath: codegen_1.nil,
        errSchemaPath: `${it.errSchemaPath}/${keyword}`,
        topSchemaRef: schemaRef,
        compositeRule: true
      }, valid);
      cxt.pass(valid, () => cxt.error(true));
    }
    exports.macroKeywordCode = macroKeywordCode;
    function funcKeywordCode(cxt, def) {
      var _a;
      const { gen, keyword, schema, parentSchema, $data, it } = cxt;
      checkAsyncKeyword(it, def);
      const validate = !$data && def.compile ? def.compile.call(it.self, schema, parentSchema, it) : def.validate;
      const validateRef = useKeyword(gen, keyword, validate);
      const valid = gen.let("valid");
      cxt.block$data(valid, validateKeyword);
      cxt.ok((_a = def.valid) !== null && _a !== void 0 ? _a : valid);
      function validateKeyword() {
        if (def.errors === false) {
          assignValid();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => cxt.error());
        } else {
          const ruleErrs = def.async ? validateAsync() : validateSync();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => addErrs(cxt, ruleErrs));
        }
      }
      function validateAsync() {
        const ruleErrs = gen.let("ruleErrs", null);
        gen.try(() => assignValid((0, codegen_1._)`await `), (e) => gen.assign(valid, false).if((0, codegen_1._)`${e} instanceof ${it.ValidationError}`, () => gen.assign(ruleErrs, (0, codegen_1._)`${e}.errors`), () => gen.throw(e)));
        return ruleErrs;
      }
      function validateSync() {
        const validateErrs = (0, codegen_1._)`${validateRef}.errors`;
        gen.assign(validateErrs, null);
        assignValid(codegen_1.nil);
        return validateErrs;
      }
      function assignValid(_await = def.async ? (0, codegen_1._)`await ` : codegen_1.nil) {
        const passCxt = it.opts.passContext ? names_1.default.this : names_1.default.self;
        const passSchema = !("compile" in def && !$data || def.schema === false);
        gen.assign(valid, (0, codegen_1._)`${_await}${(0, code_1.callValidateCode)(cxt, validateRef, passCxt, passSchema)}`, def.modifying);
      }
      function reportErrs(errors) {
        var _a2;
        gen.if((0, codegen_1.not)((_a2 = def.valid) !== null && _a2 !== void 0 ? _a2 : valid), errors);
      }
    }
    exports.funcKeywordCode = funcKeywordCode;
    function modifyData(cxt) {
      const { gen, data, it } = cxt;
      gen.if(it.parentData, () => gen.assign(data, (0, codegen_1._)`${it.parentData}[${it.parentDataProperty}]`));
    }
    function addErrs(cxt, errs) {
      const { gen } = cxt;
      gen.if((0, codegen_1._)`Array.isArray(${errs})`, () => {
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`).assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
        (0, errors_1.extendErrors)(cxt);
      }, () => cxt.error());
    }
    function checkAsyncKeyword({ schemaEnv }, def) {
      if (def.async && !schemaEnv.$async)
        throw new Error("async keyword in sync schema");
    }
    function useKeyword(gen, keyword, result) {
      if (result === void 0)
        throw new Error(`keyword "${keyword}" failed to compile`);
      return gen.scopeValue("keyword", typeof result == "function" ? { ref: result } : { ref: result, code: (0, codegen_1.stringify)(result) });
    }
    function validSchemaType(schema, schemaType, allowUndefined = false) {
      return !schemaType.length || schemaType.some((st) => st === "array" ? Array.isArray(schema) : st === "object" ? schema && typeof schema == "object" && !Array.isArray(schema) : typeof schema == st || allowUndefined && typeof schema == "undefined");
    }
    exports.validSchemaType = validSchemaType;
    function validateKeywordUsage({ schema, opts, self, errSchemaPath }, def, keyword) {
      if (Array.isArray(def.keyword) ? !def.keyword.includes(keyword) : def.keyword !== keyword) {
        throw new Error("ajv implementation error");
      }
      const deps = def.dependencies;
      if (deps === null || deps === void 0 ? void 0 : deps.some((kwd) => !Object.prototype.hasOwnProperty.call(schema, kwd))) {
        throw new Error(`parent schema must have dependencies of ${keyword}: ${deps.join(",")}`);
      }
      if (def.validateSchema) {
        const valid = def.validateSchema(schema[keyword]);
        if (!valid) {
          const msg = `keyword "${keyword}" value is invalid at path "${errSchemaPath}": ` + self.errorsText(def.validateSchema.errors);
          if (opts.validateSchema === "log")
            self.logger.error(msg);
          else
            throw new Error(msg);
        }
      }
    }
    exports.validateKeywordUsage = validateKeywordUsage;
  }
});

// node_modules/ajv/dist/compile/validate/subschema.js
var require_subschema = __commonJS({
  "node_modules/ajv/dist/compile/validate/subschema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendSubschemaMode = exports.extendSubschemaData = exports.getSubschema = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function getSubschema(it, { keyword, schemaProp, schema, schemaPath, errSchemaPath, topSchemaRef }) {
      if (keyword !== void 0 && schema !== void 0) {
        throw new Error('both "keyword" and "schema" passed, only one allowed');
      }
      if (keyword !== void 0) {
        const sch = it.schema[keyword];
        return schemaProp === void 0 ? {
          schema: sch,
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}`
        } : {
          schema: sch[schemaProp],
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}${(0, codegen_1.getProperty)(schemaProp)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}/${(0, util_1.escapeFragment)(schemaProp)}`
        };
      }
      if (schema !== void 0) {
        if (schemaPath === void 0 || errSchemaPath === void 0 || topSchemaRef === void 0) {
          throw new Error('"schemaPath", "errSchemaPath" and "topSchemaRef" are required with "schema"');
        }
        return {
          schema,
          schemaPath,
          topSchemaRef,
          errSchemaPath
        };
      }
      throw new Error('either "keyword" or "schema" must be passed');
    }
    exports.getSubschema = getSubschema;
    function extendSubschemaData(subschema, it, { dataProp, dataPropType: dpType, data, dataTypes, propertyName }) {
      if (data !== void 0 && dataProp !== void 0) {
        throw new Error('both "data" and "dataProp" passed, only one allowed');
      }
      const { gen } = it;
      if (dataProp !== void 0) {
        const { errorPath, dataPathArr, opts } = it;
        const nextData = gen.let("data", (0, codegen_1._)`${it.data}${(0, codegen_1.getProperty)(dataProp)}`, true);
        dataContextProps(nextData);
        subschema.errorPath = (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(dataProp, dpType, opts.jsPropertySyntax)}`;
        subschema.parentDataProperty = (0, codegen_1._)`${dataProp}`;
        subschema.dataPathArr = [...dataPathArr, subschema.parentDataProperty];
      }
      if (data !== void 0) {
        const nextData = data instanceof codegen_1.Name ? data : gen.let("data", data, true);
        dataContextProps(nextData);
        if (propertyName !== void 0)
          subschema.propertyName = propertyName;
      }
      if (dataTypes)
        subschema.dataTypes = dataTypes;
      function dataContextProps(_nextData) {
        subschema.data = _nextData;
        subschema.dataLevel = it.dataLevel + 1;
        subschema.dataTypes = [];
        it.definedProperties = /* @__PURE__ */ new Set();
        subschema.parentData = it.data;
        subschema.dataNames = [...it.dataNames, _nextData];
      }
    }
    exports.extendSubschemaData = extendSubschemaData;
    function extendSubschemaMode(subschema, { jtdDiscriminator, jtdMetadata, compositeRule, createErrors, allErrors }) {
      if (compositeRule !== void 0)
        subschema.compositeRule = compositeRule;
      if (createErrors !== void 0)
        subschema.createErrors = createErrors;
      if (allErrors !== void 0)
        subschema.allErrors = allErrors;
      subschema.jtdDiscriminator = jtdDiscriminator;
      subschema.jtdMetadata = jtdMetadata;
    }
    exports.extendSubschemaMode = extendSubschemaMode;
  }
});

// node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "node_modules/fast-deep-equal/index.js"(exports, module) {
    "use strict";
    module.exports = function equal2(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys2;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal2(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys2 = Object.keys(a);
        length = keys2.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys2[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys2[i];
          if (!equal2(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// node_modules/json-schema-traverse/index.js
var require_json_schema_traverse = __commonJS({
  "node_modules/json-schema-traverse/index.js"(exports, module) {
    "use strict";
    var traverse = module.exports = function(schema, opts, cb) {
      if (typeof opts == "function") {
        cb = opts;
        opts = {};
      }
      cb = opts.cb || cb;
      var pre = typeof cb == "function" ? cb : cb.pre || function() {
      };
      var post = cb.post || function() {
      };
      _traverse(opts, pre, post, schema, "", schema);
    };
    traverse.keywords = {
      additionalItems: true,
      items: true,
      contains: true,
      additionalProperties: true,
      propertyNames: true,
      not: true,
      if: true,
      then: true,
      else: true
    };
    traverse.arrayKeywords = {
      items: true,
      allOf: true,
      anyOf: true,
      oneOf: true
    };
    traverse.propsKeywords = {
      $defs: true,
      definitions: true,
      properties: true,
      patternProperties: true,
      dependencies: true
    };
    traverse.skipKeywords = {
      default: true,
      enum: true,
      const: true,
      required: true,
      maximum: true,
      minimum: true,
      exclusiveMaximum: true,
      exclusiveMinimum: true,
      multipleOf: true,
      maxLength: true,
      minLength: true,
      pattern: true,
      format: true,
      maxItems: true,
      minItems: true,
      uniqueItems: true,
      maxProperties: true,
      minProperties: true
    };
    function _traverse(opts, pre, post, schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex) {
      if (schema && typeof schema == "object" && !Array.isArray(schema)) {
        pre(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
        for (var key in schema) {
          var sch = schema[key];
          if (Array.isArray(sch)) {
            if (key in traverse.arrayKeywords) {
              for (var i = 0; i < sch.length; i++)
                _traverse(opts, pre, post, sch[i], jsonPtr + "/" + key + "/" + i, rootSchema, jsonPtr, key, schema, i);
            }
          } else if (key in traverse.propsKeywords) {
            if (sch && typeof sch == "object") {
              for (var prop in sch)
                _traverse(opts, pre, post, sch[prop], jsonPtr + "/" + key + "/" + escapeJsonPtr(prop), rootSchema, jsonPtr, key, schema, prop);
            }
          } else if (key in traverse.keywords || opts.allKeys && !(key in traverse.skipKeywords)) {
            _traverse(opts, pre, post, sch, jsonPtr + "/" + key, rootSchema, jsonPtr, key, schema);
          }
        }
        post(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
      }
    }
    function escapeJsonPtr(str) {
      return str.replace(/~/g, "~0").replace(/\//g, "~1");
    }
  }
});

// node_modules/ajv/dist/compile/resolve.js
var require_resolve = __commonJS({
  "node_modules/ajv/dist/compile/resolve.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getSchemaRefs = exports.resolveUrl = exports.normalizeId = exports._getFullPath = exports.getFullPath = exports.inlineRef = void 0;
    var util_1 = require_util();
    var equal2 = require_fast_deep_equal();
    var traverse = require_json_schema_traverse();
    var SIMPLE_INLINED = /* @__PURE__ */ new Set([
      "type",
      "format",
      "pattern",
      "maxLength",
      "minLength",
      "maxProperties",
      "minProperties",
      "maxItems",
      "minItems",
      "maximum",
      "minimum",
      "uniqueItems",
      "multipleOf",
      "required",
      "enum",
      "const"
    ]);
    function inlineRef(schema, limit = true) {
      if (typeof schema == "boolean")
        return true;
      if (limit === true)
        return !hasRef(schema);
      if (!limit)
        return false;
      return countKeys(schema) <= limit;
    }
    exports.inlineRef = inlineRef;
    var REF_KEYWORDS = /* @__PURE__ */ new Set([
      "$ref",
      "$recursiveRef",
      "$recursiveAnchor",
      "$dynamicRef",
      "$dynamicAnchor"
    ]);
    function hasRef(schema) {
      for (const key in schema) {
        if (REF_KEYWORDS.has(key))
          return true;
        const sch = schema[key];
        if (Array.isArray(sch) && sch.some(hasRef))
          return true;
        if (typeof sch == "object" && hasRef(sch))
          return true;
      }
      return false;
    }
    function countKeys(schema) {
      let count2 = 0;
      for (const key in schema) {
        if (key === "$ref")
          return Infinity;
        count2++;
        if (SIMPLE_INLINED.has(key))
          continue;
        if (typeof schema[key] == "object") {
          (0, util_1.eachItem)(schema[key], (sch) => count2 += countKeys(sch));
        }
        if (count2 === Infinity)
          return Infinity;
      }
      return count2;
    }
    function getFullPath(resolver, id = "", normalize3) {
      if (normalize3 !== false)
        id = normalizeId(id);
      const p = resolver.parse(id);
      return _getFullPath(resolver, p);
    }
    exports.getFullPath = getFullPath;
    function _getFullPath(resolver, p) {
      const serialized = resolver.serialize(p);
      return serialized.split("#")[0] + "#";
    }
    exports._getFullPath = _getFullPath;
    var TRAILING_SLASH_HASH = /#\/?$/;
    function normalizeId(id) {
      return id ? id.replace(TRAILING_SLASH_HASH, "") : "";
    }
    exports.normalizeId = normalizeId;
    function resolveUrl(resolver, baseId, id) {
      id = normalizeId(id);
      return resolver.resolve(baseId, id);
    }
    exports.resolveUrl = resolveUrl;
    var ANCHOR = /^[a-z_][-a-z0-9._]*$/i;
    function getSchemaRefs(schema, baseId) {
      if (typeof schema == "boolean")
        return {};
      const { schemaId, uriResolver } = this.opts;
      const schId = normalizeId(schema[schemaId] || baseId);
      const baseIds = { "": schId };
      const pathPrefix = getFullPath(uriResolver, schId, false);
      const localRefs = {};
      const schemaRefs = /* @__PURE__ */ new Set();
      traverse(schema, { allKeys: true }, (sch, jsonPtr, _, parentJsonPtr) => {
        if (parentJsonPtr === void 0)
          return;
        const fullPath = pathPrefix + jsonPtr;
        let innerBaseId = baseIds[parentJsonPtr];
        if (typeof sch[schemaId] == "string")
          innerBaseId = addRef.call(this, sch[schemaId]);
        addAnchor.call(this, sch.$anchor);
        addAnchor.call(this, sch.$dynamicAnchor);
        baseIds[jsonPtr] = innerBaseId;
        function addRef(ref) {
          const _resolve = this.opts.uriResolver.resolve;
          ref = normalizeId(innerBaseId ? _resolve(innerBaseId, ref) : ref);
          if (schemaRefs.has(ref))
            throw ambiguos(ref);
          schemaRefs.add(ref);
          let schOrRef = this.refs[ref];
          if (typeof schOrRef == "string")
            schOrRef = this.refs[schOrRef];
          if (typeof schOrRef == "object") {
            checkAmbiguosRef(sch, schOrRef.schema, ref);
          } else if (ref !== normalizeId(fullPath)) {
            if (ref[0] === "#") {
              checkAmbiguosRef(sch, localRefs[ref], ref);
              localRefs[ref] = sch;
            } else {
              this.refs[ref] = fullPath;
            }
          }
          return ref;
        }
        function addAnchor(anchor) {
          if (typeof anchor == "string") {
            if (!ANCHOR.test(anchor))
              throw new Error(`invalid anchor "${anchor}"`);
            addRef.call(this, `#${anchor}`);
          }
        }
      });
      return localRefs;
      function checkAmbiguosRef(sch1, sch2, ref) {
        if (sch2 !== void 0 && !equal2(sch1, sch2))
          throw ambiguos(ref);
      }
      function ambiguos(ref) {
        return new Error(`reference "${ref}" resolves to more than one schema`);
      }
    }
    exports.getSchemaRefs = getSchemaRefs;
  }
});

// node_modules/ajv/dist/compile/validate/index.js
var require_validate = __commonJS({
  "node_modules/ajv/dist/compile/validate/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getData = exports.KeywordCxt = exports.validateFunctionCode = void 0;
    var boolSchema_1 = require_boolSchema();
    var dataType_1 = require_dataType();
    var applicability_1 = require_applicability();
    var dataType_2 = require_dataType();
    var defaults_1 = require_defaults();
    var keyword_1 = require_keyword();
    var subschema_1 = require_subschema();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var errors_1 = require_errors();
    function validateFunctionCode(it) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          topSchemaObjCode(it);
          return;
        }
      }
      validateFunction(it, () => (0, boolSchema_1.topBoolOrEmptySchema)(it));
    }
    exports.validateFunctionCode = validateFunctionCode;
    function validateFunction({ gen, validateName, schema, schemaEnv, opts }, body) {
      if (opts.code.es5) {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${names_1.default.valCxt}`, schemaEnv.$async, () => {
          gen.code((0, codegen_1._)`"use strict"; ${funcSourceUrl(schema, opts)}`);
          destructureValCxtES5(gen, opts);
          gen.code(body);
        });
      } else {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${destructureValCxt(opts)}`, schemaEnv.$async, () => gen.code(funcSourceUrl(schema, opts)).code(body));
      }
    }
    function destructureValCxt(opts) {
      return (0, codegen_1._)`{${names_1.default.instancePath}="", ${names_1.default.parentData}, ${names_1.default.parentDataProperty}, ${names_1.default.rootData}=${names_1.default.data}${opts.dynamicRef ? (0, codegen_1._)`, ${names_1.default.dynamicAnchors}={}` : codegen_1.nil}}={}`;
    }
    function destructureValCxtES5(gen, opts) {
      gen.if(names_1.default.valCxt, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.instancePath}`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentData}`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentDataProperty}`);
        gen.var(names_1.default.rootData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.rootData}`);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.dynamicAnchors}`);
      }, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`""`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.rootData, names_1.default.data);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`{}`);
      });
    }
    function topSchemaObjCode(it) {
      const { schema, opts, gen } = it;
      validateFunction(it, () => {
        if (opts.$comment && schema.$comment)
          commentKeyword(it);
        checkNoDefault(it);
        gen.let(names_1.default.vErrors, null);
        gen.let(names_1.default.errors, 0);
        if (opts.unevaluated)
          resetEvaluated(it);
        typeAndKeywords(it);
        returnResults(it);
      });
      return;
    }
    function resetEvaluated(it) {
      const { gen, validateName } = it;
      it.evaluated = gen.const("evaluated", (0, codegen_1._)`${validateName}.evaluated`);
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicProps`, () => gen.assign((0, codegen_1._)`${it.evaluated}.props`, (0, codegen_1._)`undefined`));
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicItems`, () => gen.assign((0, codegen_1._)`${it.evaluated}.items`, (0, codegen_1._)`undefined`));
    }
    function funcSourceUrl(schema, opts) {
      const schId = typeof schema == "object" && schema[opts.schemaId];
      return schId && (opts.code.source || opts.code.process) ? (0, codegen_1._)`/*# sourceURL=${schId} */` : codegen_1.nil;
    }
    function subschemaCode(it, valid) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          subSchemaObjCode(it, valid);
          return;
        }
      }
      (0, boolSchema_1.boolOrEmptySchema)(it, valid);
    }
    function schemaCxtHasRules({ schema, self }) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (self.RULES.all[key])
          return true;
      return false;
    }
    function isSchemaObj(it) {
      return typeof it.schema != "boolean";
    }
    function subSchemaObjCode(it, valid) {
      const { schema, gen, opts } = it;
      if (opts.$comment && schema.$comment)
        commentKeyword(it);
      updateContext(it);
      checkAsyncSchema(it);
      const errsCount = gen.const("_errs", names_1.default.errors);
      typeAndKeywords(it, errsCount);
      gen.var(valid, (0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
    }
    function checkKeywords(it) {
      (0, util_1.checkUnknownRules)(it);
      checkRefsAndKeywords(it);
    }
    function typeAndKeywords(it, errsCount) {
      if (it.opts.jtd)
        return schemaKeywords(it, [], false, errsCount);
      const types = (0, dataType_1.getSchemaTypes)(it.schema);
      const checkedTypes = (0, dataType_1.coerceAndCheckDataType)(it, types);
      schemaKeywords(it, types, !checkedTypes, errsCount);
    }
    function checkRefsAndKeywords(it) {
      const { schema, errSchemaPath, opts, self } = it;
      if (schema.$ref && opts.ignoreKeywordsWithRef && (0, util_1.schemaHasRulesButRef)(schema, self.RULES)) {
        self.logger.warn(`$ref: keywords ignored in schema at path "${errSchemaPath}"`);
      }
    }
    function checkNoDefault(it) {
      const { schema, opts } = it;
      if (schema.default !== void 0 && opts.useDefaults && opts.strictSchema) {
        (0, util_1.checkStrictMode)(it, "default is ignored in the schema root");
      }
    }
    function updateContext(it) {
      const schId = it.schema[it.opts.schemaId];
      if (schId)
        it.baseId = (0, resolve_1.resolveUrl)(it.opts.uriResolver, it.baseId, schId);
    }
    function checkAsyncSchema(it) {
      if (it.schema.$async && !it.schemaEnv.$async)
        throw new Error("async schema in sync schema");
    }
    function commentKeyword({ gen, schemaEnv, schema, errSchemaPath, opts }) {
      const msg = schema.$comment;
      if (opts.$comment === true) {
        gen.code((0, codegen_1._)`${names_1.default.self}.logger.log(${msg})`);
      } else if (typeof opts.$comment == "function") {
        const schemaPath = (0, codegen_1.str)`${errSchemaPath}/$comment`;
        const rootName = gen.scopeValue("root", { ref: schemaEnv.root });
        gen.code((0, codegen_1._)`${names_1.default.self}.opts.$comment(${msg}, ${schemaPath}, ${rootName}.schema)`);
      }
    }
    function returnResults(it) {
      const { gen, schemaEnv, validateName, ValidationError, opts } = it;
      if (schemaEnv.$async) {
        gen.if((0, codegen_1._)`${names_1.default.errors} === 0`, () => gen.return(names_1.default.data), () => gen.throw((0, codegen_1._)`new ${ValidationError}(${names_1.default.vErrors})`));
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, names_1.default.vErrors);
        if (opts.unevaluated)
          assignEvaluated(it);
        gen.return((0, codegen_1._)`${names_1.default.errors} === 0`);
      }
    }
    function assignEvaluated({ gen, evaluated, props, items }) {
      if (props instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.props`, props);
      if (items instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.items`, items);
    }
    function schemaKeywords(it, types, typeErrors, errsCount) {
      const { gen, schema, data, allErrors, opts, self } = it;
      const { RULES } = self;
      if (schema.$ref && (opts.ignoreKeywordsWithRef || !(0, util_1.schemaHasRulesButRef)(schema, RULES))) {
        gen.block(() => keywordCode(it, "$ref", RULES.all.$ref.definition));
        return;
      }
      if (!opts.jtd)
        checkStrictTypes(it, types);
      gen.block(() => {
        for (const group of RULES.rules)
          groupKeywords(group);
        groupKeywords(RULES.post);
      });
      function groupKeywords(group) {
        if (!(0, applicability_1.shouldUseGroup)(schema, group))
          return;
        if (group.type) {
          gen.if((0, dataType_2.checkDataType)(group.type, data, opts.strictNumbers));
          iterateKeywords(it, group);
          if (types.length === 1 && types[0] === group.type && typeErrors) {
            gen.else();
            (0, dataType_2.reportTypeError)(it);
          }
          gen.endIf();
        } else {
          iterateKeywords(it, group);
        }
        if (!allErrors)
          gen.if((0, codegen_1._)`${names_1.default.errors} === ${errsCount || 0}`);
      }
    }
    function iterateKeywords(it, group) {
      const { gen, schema, opts: { useDefaults } } = it;
      if (useDefaults)
        (0, defaults_1.assignDefaults)(it, group.type);
      gen.block(() => {
        for (const rule of group.rules) {
          if ((0, applicability_1.shouldUseRule)(schema, rule)) {
            keywordCode(it, rule.keyword, rule.definition, group.type);
          }
        }
      });
    }
    function checkStrictTypes(it, types) {
      if (it.schemaEnv.meta || !it.opts.strictTypes)
        return;
      checkContextTypes(it, types);
      if (!it.opts.allowUnionTypes)
        checkMultipleTypes(it, types);
      checkKeywordTypes2(it, it.dataTypes);
    }
    function checkContextTypes(it, types) {
      if (!types.length)
        return;
      if (!it.dataTypes.length) {
        it.dataTypes = types;
        return;
      }
      types.forEach((t) => {
        if (!includesType(it.dataTypes, t)) {
          strictTypesError(it, `type "${t}" not allowed by context "${it.dataTypes.join(",")}"`);
        }
      });
      narrowSchemaTypes(it, types);
    }
    function checkMultipleTypes(it, ts) {
      if (ts.length > 1 && !(ts.length === 2 && ts.includes("null"))) {
        strictTypesError(it, "use allowUnionTypes to allow union type keyword");
      }
    }
    function checkKeywordTypes2(it, ts) {
      const rules = it.self.RULES.all;
      for (const keyword in rules) {
        const rule = rules[keyword];
        if (typeof rule == "object" && (0, applicability_1.shouldUseRule)(it.schema, rule)) {
          const { type } = rule.definition;
          if (type.length && !type.some((t) => hasApplicableType(ts, t))) {
            strictTypesError(it, `missing type "${type.join(",")}" for keyword "${keyword}"`);
          }
        }
      }
    }
    function hasApplicableType(schTs, kwdT) {
      return schTs.includes(kwdT) || kwdT === "number" && schTs.includes("integer");
    }
    function includesType(ts, t) {
      return ts.includes(t) || t === "integer" && ts.includes("number");
    }
    function narrowSchemaTypes(it, withTypes) {
      const ts = [];
      for (const t of it.dataTypes) {
        if (includesType(withTypes, t))
          ts.push(t);
        else if (withTypes.includes("integer") && t === "number")
          ts.push("integer");
      }
      it.dataTypes = ts;
    }
    function strictTypesError(it, msg) {
      const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
      msg += ` at "${schemaPath}" (strictTypes)`;
      (0, util_1.checkStrictMode)(it, msg, it.opts.strictTypes);
    }
    var KeywordCxt = class {
      constructor(it, def, keyword) {
        (0, keyword_1.validateKeywordUsage)(it, def, keyword);
        this.gen = it.gen;
        this.allErrors = it.allErrors;
        this.keyword = keyword;
        this.data = it.data;
        this.schema = it.schema[keyword];
        this.$data = def.$data && it.opts.$data && this.schema && this.schema.$data;
        this.schemaValue = (0, util_1.schemaRefOrVal)(it, this.schema, keyword, this.$data);
        this.schemaType = def.schemaType;
        this.parentSchema = it.schema;
        this.params = {};
        this.it = it;
        this.def = def;
        if (this.$data) {
          this.schemaCode = it.gen.const("vSchema", getData(this.$data, it));
        } else {
          this.schemaCode = this.schemaValue;
          if (!(0, keyword_1.validSchemaType)(this.schema, def.schemaType, def.allowUndefined)) {
            throw new Error(`${keyword} value must be ${JSON.stringify(def.schemaType)}`);
          }
        }
        if ("code" in def ? def.trackErrors : def.errors !== false) {
          this.errsCount = it.gen.const("_errs", names_1.default.errors);
        }
      }
      result(condition, successAction, failAction) {
        this.failResult((0, codegen_1.not)(condition), successAction, failAction);
      }
      failResult(condition, successAction, failAction) {
        this.gen.if(condition);
        if (failAction)
          failAction();
        else
          this.error();
        if (successAction) {
          this.gen.else();
          successAction();
          if (this.allErrors)
            this.gen.endIf();
        } else {
          if (this.allErrors)
            this.gen.endIf();
          else
            this.gen.else();
        }
      }
      pass(condition, failAction) {
        this.failResult((0, codegen_1.not)(condition), void 0, failAction);
      }
      fail(condition) {
        if (condition === void 0) {
          this.error();
          if (!this.allErrors)
            this.gen.if(false);
          return;
        }
        this.gen.if(condition);
        this.error();
        if (this.allErrors)
          this.gen.endIf();
        else
          this.gen.else();
      }
      fail$data(condition) {
        if (!this.$data)
          return this.fail(condition);
        const { schemaCode } = this;
        this.fail((0, codegen_1._)`${schemaCode} !== undefined && (${(0, codegen_1.or)(this.invalid$data(), condition)})`);
      }
      error(append, errorParams, errorPaths) {
        if (errorParams) {
          this.setParams(errorParams);
          this._error(append, errorPaths);
          this.setParams({});
          return;
        }
        this._error(append, errorPaths);
      }
      _error(append, errorPaths) {
        ;
        (append ? errors_1.reportExtraError : errors_1.reportError)(this, this.def.error, errorPaths);
      }
      $dataError() {
        (0, errors_1.reportError)(this, this.def.$dataError || errors_1.keyword$DataError);
      }
      reset() {
        if (this.errsCount === void 0)
          throw new Error('add "trackErrors" to keyword definition');
        (0, errors_1.resetErrorsCount)(this.gen, this.errsCount);
      }
      ok(cond) {
        if (!this.allErrors)
          this.gen.if(cond);
      }
      setParams(obj, assign) {
        if (assign)
          Object.assign(this.params, obj);
        else
          this.params = obj;
      }
      block$data(valid, codeBlock, $dataValid = codegen_1.nil) {
        this.gen.block(() => {
          this.check$data(valid, $dataValid);
          codeBlock();
        });
      }
      check$data(valid = codegen_1.nil, $dataValid = codegen_1.nil) {
        if (!this.$data)
          return;
        const { gen, schemaCode, schemaType, def } = this;
        gen.if((0, codegen_1.or)((0, codegen_1._)`${schemaCode} === undefined`, $dataValid));
        if (valid !== codegen_1.nil)
          gen.assign(valid, true);
        if (schemaType.length || def.validateSchema) {
          gen.elseIf(this.invalid$data());
          this.$dataError();
          if (valid !== codegen_1.nil)
            gen.assign(valid, false);
        }
        gen.else();
      }
      invalid$data() {
        const { gen, schemaCode, schemaType, def, it } = this;
        return (0, codegen_1.or)(wrong$DataType(), invalid$DataSchema());
        function wrong$DataType() {
          if (schemaType.length) {
            if (!(schemaCode instanceof codegen_1.Name))
              throw new Error("ajv implementation error");
            const st = Array.isArray(schemaType) ? schemaType : [schemaType];
            return (0, codegen_1._)`${(0, dataType_2.checkDataTypes)(st, schemaCode, it.opts.strictNumbers, dataType_2.DataType.Wrong)}`;
          }
          return codegen_1.nil;
        }
        function invalid$DataSchema() {
          if (def.validateSchema) {
            const validateSchemaRef = gen.scopeValue("validate$data", { ref: def.validateSchema });
            return (0, codegen_1._)`!${validateSchemaRef}(${schemaCode})`;
          }
          return codegen_1.nil;
        }
      }
      subschema(appl, valid) {
        const subschema = (0, subschema_1.getSubschema)(this.it, appl);
        (0, subschema_1.extendSubschemaData)(subschema, this.it, appl);
        (0, subschema_1.extendSubschemaMode)(subschema, appl);
        const nextContext = { ...this.it, ...subschema, items: void 0, props: void 0 };
        subschemaCode(nextContext, valid);
        return nextContext;
      }
      mergeEvaluated(schemaCxt, toName) {
        const { it, gen } = this;
        if (!it.opts.unevaluated)
          return;
        if (it.props !== true && schemaCxt.props !== void 0) {
          it.props = util_1.mergeEvaluated.props(gen, schemaCxt.props, it.props, toName);
        }
        if (it.items !== true && schemaCxt.items !== void 0) {
          it.items = util_1.mergeEvaluated.items(gen, schemaCxt.items, it.items, toName);
        }
      }
      mergeValidEvaluated(schemaCxt, valid) {
        const { it, gen } = this;
        if (it.opts.unevaluated && (it.props !== true || it.items !== true)) {
          gen.if(valid, () => this.mergeEvaluated(schemaCxt, codegen_1.Name));
          return true;
        }
      }
    };
    exports.KeywordCxt = KeywordCxt;
    function keywordCode(it, keyword, def, ruleType) {
      const cxt = new KeywordCxt(it, def, keyword);
      if ("code" in def) {
        def.code(cxt, ruleType);
      } else if (cxt.$data && def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      } else if ("macro" in def) {
        (0, keyword_1.macroKeywordCode)(cxt, def);
      } else if (def.compile || def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      }
    }
    var JSON_POINTER = /^\/(?:[^~]|~0|~1)*$/;
    var RELATIVE_JSON_POINTER = /^([0-9]+)(#|\/(?:[^~]|~0|~1)*)?$/;
    function getData($data, { dataLevel, dataNames, dataPathArr }) {
      let jsonPointer;
      let data;
      if ($data === "")
        return names_1.default.rootData;
      if ($data[0] === "/") {
        if (!JSON_POINTER.test($data))
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        jsonPointer = $data;
        data = names_1.default.rootData;
      } else {
        const matches2 = RELATIVE_JSON_POINTER.exec($data);
        if (!matches2)
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        const up = +matches2[1];
        jsonPointer = matches2[2];
        if (jsonPointer === "#") {
          if (up >= dataLevel)
            throw new Error(errorMsg("property/index", up));
          return dataPathArr[dataLevel - up];
        }
        if (up > dataLevel)
          throw new Error(errorMsg("data", up));
        data = dataNames[dataLevel - up];
        if (!jsonPointer)
          return data;
      }
      let expr = data;
      const segments = jsonPointer.split("/");
      for (const segment of segments) {
        if (segment) {
          data = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)((0, util_1.unescapeJsonPointer)(segment))}`;
          expr = (0, codegen_1._)`${expr} && ${data}`;
        }
      }
      return expr;
      function errorMsg(pointerType, up) {
        return `Cannot access ${pointerType} ${up} levels up, current level is ${dataLevel}`;
      }
    }
    exports.getData = getData;
  }
});

// node_modules/ajv/dist/runtime/validation_error.js
var require_validation_error = __commonJS({
  "node_modules/ajv/dist/runtime/validation_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var ValidationError = class extends Error {
      constructor(errors) {
        super("validation failed");
        this.errors = errors;
        this.ajv = this.validation = true;
      }
    };
    exports.default = ValidationError;
  }
});

// node_modules/ajv/dist/compile/ref_error.js
var require_ref_error = __commonJS({
  "node_modules/ajv/dist/compile/ref_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var resolve_1 = require_resolve();
    var MissingRefError = class extends Error {
      constructor(resolver, baseId, ref, msg) {
        super(msg || `can't resolve reference ${ref} from id ${baseId}`);
        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref);
        this.missingSchema = (0, resolve_1.normalizeId)((0, resolve_1.getFullPath)(resolver, this.missingRef));
      }
    };
    exports.default = MissingRefError;
  }
});

// node_modules/ajv/dist/compile/index.js
var require_compile = __commonJS({
  "node_modules/ajv/dist/compile/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.resolveSchema = exports.getCompilingSchema = exports.resolveRef = exports.compileSchema = exports.SchemaEnv = void 0;
    var codegen_1 = require_codegen();
    var validation_error_1 = require_validation_error();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var validate_1 = require_validate();
    var SchemaEnv = class {
      constructor(env) {
        var _a;
        this.refs = {};
        this.dynamicAnchors = {};
        let schema;
        if (typeof env.schema == "object")
          schema = env.schema;
        this.schema = env.schema;
        this.schemaId = env.schemaId;
        this.root = env.root || this;
        this.baseId = (_a = env.baseId) !== null && _a !== void 0 ? _a : (0, resolve_1.normalizeId)(schema === null || schema === void 0 ? void 0 : schema[env.schemaId || "$id"]);
        this.schemaPath = env.schemaPath;
        this.localRefs = env.localRefs;
        this.meta = env.meta;
        this.$async = schema === null || schema === void 0 ? void 0 : schema.$async;
        this.refs = {};
      }
    };
    exports.SchemaEnv = SchemaEnv;
    function compileSchema(sch) {
      const _sch = getCompilingSchema.call(this, sch);
      if (_sch)
        return _sch;
      const rootId = (0, resolve_1.getFullPath)(this.opts.uriResolver, sch.root.baseId);
      const { es5, lines } = this.opts.code;
      const { ownProperties } = this.opts;
      const gen = new codegen_1.CodeGen(this.scope, { es5, lines, ownProperties });
      let _ValidationError;
      if (sch.$async) {
        _ValidationError = gen.scopeValue("Error", {
          ref: validation_error_1.default,
          code: (0, codegen_1._)`require("ajv/dist/runtime/validation_error").default`
        });
      }
      const validateName = gen.scopeName("validate");
      sch.validateName = validateName;
      const schemaCxt = {
        gen,
        allErrors: this.opts.allErrors,
        data: names_1.default.data,
        parentData: names_1.default.parentData,
        parentDataProperty: names_1.default.parentDataProperty,
        dataNames: [names_1.default.data],
        dataPathArr: [codegen_1.nil],
        // TODO can its length be used as dataLevel if nil is removed?
        dataLevel: 0,
        dataTypes: [],
        definedProperties: /* @__PURE__ */ new Set(),
        topSchemaRef: gen.scopeValue("schema", this.opts.code.source === true ? { ref: sch.schema, code: (0, codegen_1.stringify)(sch.schema) } : { ref: sch.schema }),
        validateName,
        ValidationError: _ValidationError,
        schema: sch.schema,
        schemaEnv: sch,
        rootId,
        baseId: sch.baseId || rootId,
        schemaPath: codegen_1.nil,
        errSchemaPath: sch.schemaPath || (this.opts.jtd ? "" : "#"),
        errorPath: (0, codegen_1._)`""`,
        opts: this.opts,
        self: this
      };
      let sourceCode;
      try {
        this._compilations.add(sch);
        (0, validate_1.validateFunctionCode)(schemaCxt);
        gen.optimize(this.opts.code.optimize);
        const validateCode = gen.toString();
        sourceCode = `${gen.scopeRefs(names_1.default.scope)}return ${validateCode}`;
        if (this.opts.code.process)
          sourceCode = this.opts.code.process(sourceCode, sch);
        const makeValidate = new Function(`${names_1.default.self}`, `${names_1.default.scope}`, sourceCode);
        const validate = makeValidate(this, this.scope.get());
        this.scope.value(validateName, { ref: validate });
        validate.errors = null;
        validate.schema = sch.schema;
        validate.schemaEnv = sch;
        if (sch.$async)
          validate.$async = true;
        if (this.opts.code.source === true) {
          validate.source = { validateName, validateCode, scopeValues: gen._values };
        }
        if (this.opts.unevaluated) {
          const { props, items } = schemaCxt;
          validate.evaluated = {
            props: props instanceof codegen_1.Name ? void 0 : props,
            items: items instanceof codegen_1.Name ? void 0 : items,
            dynamicProps: props instanceof codegen_1.Name,
            dynamicItems: items instanceof codegen_1.Name
          };
          if (validate.source)
            validate.source.evaluated = (0, codegen_1.stringify)(validate.evaluated);
        }
        sch.validate = validate;
        return sch;
      } catch (e) {
        delete sch.validate;
        delete sch.validateName;
        if (sourceCode)
          this.logger.error("Error compiling schema, function code:", sourceCode);
        throw e;
      } finally {
        this._compilations.delete(sch);
      }
    }
    exports.compileSchema = compileSchema;
    function resolveRef(root, baseId, ref) {
      var _a;
      ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref);
      const schOrFunc = root.refs[ref];
      if (schOrFunc)
        return schOrFunc;
      let _sch = resolve13.call(this, root, ref);
      if (_sch === void 0) {
        const schema = (_a = root.localRefs) === null || _a === void 0 ? void 0 : _a[ref];
        const { schemaId } = this.opts;
        if (schema)
          _sch = new SchemaEnv({ schema, schemaId, root, baseId });
      }
      if (_sch === void 0)
        return;
      return root.refs[ref] = inlineOrCompile.call(this, _sch);
    }
    exports.resolveRef = resolveRef;
    function inlineOrCompile(sch) {
      if ((0, resolve_1.inlineRef)(sch.schema, this.opts.inlineRefs))
        return sch.schema;
      return sch.validate ? sch : compileSchema.call(this, sch);
    }
    function getCompilingSchema(schEnv) {
      for (const sch of this._compilations) {
        if (sameSchemaEnv(sch, schEnv))
          return sch;
      }
    }
    exports.getCompilingSchema = getCompilingSchema;
    function sameSchemaEnv(s1, s2) {
      return s1.schema === s2.schema && s1.root === s2.root && s1.baseId === s2.baseId;
    }
    function resolve13(root, ref) {
      let sch;
      while (typeof (sch = this.refs[ref]) == "string")
        ref = sch;
      return sch || this.schemas[ref] || resolveSchema.call(this, root, ref);
    }
    function resolveSchema(root, ref) {
      const p = this.opts.uriResolver.parse(ref);
      const refPath = (0, resolve_1._getFullPath)(this.opts.uriResolver, p);
      let baseId = (0, resolve_1.getFullPath)(this.opts.uriResolver, root.baseId, void 0);
      if (Object.keys(root.schema).length > 0 && refPath === baseId) {
        return getJsonPointer.call(this, p, root);
      }
      const id = (0, resolve_1.normalizeId)(refPath);
      const schOrRef = this.refs[id] || this.schemas[id];
      if (typeof schOrRef == "string") {
        const sch = resolveSchema.call(this, root, schOrRef);
        if (typeof (sch === null || sch === void 0 ? void 0 : sch.schema) !== "object")
          return;
        return getJsonPointer.call(this, p, sch);
      }
      if (typeof (schOrRef === null || schOrRef === void 0 ? void 0 : schOrRef.schema) !== "object")
        return;
      if (!schOrRef.validate)
        compileSchema.call(this, schOrRef);
      if (id === (0, resolve_1.normalizeId)(ref)) {
        const { schema } = schOrRef;
        const { schemaId } = this.opts;
        const schId = schema[schemaId];
        if (schId)
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        return new SchemaEnv({ schema, schemaId, root, baseId });
      }
      return getJsonPointer.call(this, p, schOrRef);
    }
    exports.resolveSchema = resolveSchema;
    var PREVENT_SCOPE_CHANGE = /* @__PURE__ */ new Set([
      "properties",
      "patternProperties",
      "enum",
      "dependencies",
      "definitions"
    ]);
    function getJsonPointer(parsedRef, { baseId, schema, root }) {
      var _a;
      if (((_a = parsedRef.fragment) === null || _a === void 0 ? void 0 : _a[0]) !== "/")
        return;
      for (const part of parsedRef.fragment.slice(1).split("/")) {
        if (typeof schema === "boolean")
          return;
        const partSchema = schema[(0, util_1.unescapeFragment)(part)];
        if (partSchema === void 0)
          return;
        schema = partSchema;
        const schId = typeof schema === "object" && schema[this.opts.schemaId];
        if (!PREVENT_SCOPE_CHANGE.has(part) && schId) {
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        }
      }
      let env;
      if (typeof schema != "boolean" && schema.$ref && !(0, util_1.schemaHasRulesButRef)(schema, this.RULES)) {
        const $ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schema.$ref);
        env = resolveSchema.call(this, root, $ref);
      }
      const { schemaId } = this.opts;
      env = env || new SchemaEnv({ schema, schemaId, root, baseId });
      if (env.schema !== env.root.schema)
        return env;
      return void 0;
    }
  }
});

// node_modules/ajv/dist/refs/data.json
var require_data = __commonJS({
  "node_modules/ajv/dist/refs/data.json"(exports, module) {
    module.exports = {
      $id: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#",
      description: "Meta-schema for $data reference (JSON AnySchema extension proposal)",
      type: "object",
      required: ["$data"],
      properties: {
        $data: {
          type: "string",
          anyOf: [{ format: "relative-json-pointer" }, { format: "json-pointer" }]
        }
      },
      additionalProperties: false
    };
  }
});

// node_modules/fast-uri/lib/utils.js
var require_utils = __commonJS({
  "node_modules/fast-uri/lib/utils.js"(exports, module) {
    "use strict";
    var isUUID = RegExp.prototype.test.bind(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu);
    var isIPv4 = RegExp.prototype.test.bind(/^(?:(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)$/u);
    var isPort = RegExp.prototype.test.bind(/^\d*$/u);
    var isHexPair = RegExp.prototype.test.bind(/^[\da-f]{2}$/iu);
    var isUnreserved = RegExp.prototype.test.bind(/^[\da-z\-._~]$/iu);
    var isPathCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/u);
    var isQueryFragmentCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/u);
    var isUserinfoCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:]$/u);
    var BYTE_HEX = new Array(256);
    {
      const HEX_DIGITS = "0123456789ABCDEF";
      for (let i = 0; i < 256; i++) {
        BYTE_HEX[i] = "%" + HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 15];
      }
    }
    function percentEncodeNonAscii(cp) {
      if (cp < 2048) {
        return BYTE_HEX[192 | cp >> 6] + BYTE_HEX[128 | cp & 63];
      }
      if (cp < 65536) {
        return BYTE_HEX[224 | cp >> 12] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
      }
      return BYTE_HEX[240 | cp >> 18] + BYTE_HEX[128 | cp >> 12 & 63] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
    }
    function stringArrayToHexStripped(input) {
      let acc = "";
      let code = 0;
      let i = 0;
      for (i = 0; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (code === 48) {
          continue;
        }
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
        break;
      }
      for (i += 1; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
      }
      return acc;
    }
    var isHextet = RegExp.prototype.test.bind(/^[\dA-Fa-f]{1,4}$/);
    var isIPvFuture = RegExp.prototype.test.bind(/^[vV][\dA-Fa-f]+\.[A-Za-z\d\-._~!$&'()*+,;=:]+$/);
    var isZoneCharacter = RegExp.prototype.test.bind(/^[A-Za-z\d\-._~]$/);
    var nonSimpleDomain = RegExp.prototype.test.bind(/[^!"$&'()*+,\-.;=_`a-z{}~]/u);
    function isZoneIdentifier(zone) {
      if (zone.length === 0) return false;
      for (let i = 0; i < zone.length; i++) {
        if (isZoneCharacter(zone[i])) continue;
        if (zone[i] === "%" && i + 2 < zone.length && isHexPair(zone.slice(i + 1, i + 3))) {
          i += 2;
          continue;
        }
        return false;
      }
      return true;
    }
    function compressIPv6ZeroRun(hextets) {
      let bestStart = -1;
      let bestLength = 0;
      let runStart = -1;
      let runLength = 0;
      for (let i = 0; i < hextets.length; i++) {
        if (hextets[i] === "0") {
          if (runStart === -1) runStart = i;
          runLength++;
          if (runLength > bestLength) {
            bestLength = runLength;
            bestStart = runStart;
          }
        } else {
          runStart = -1;
          runLength = 0;
        }
      }
      if (bestLength < 2) return hextets.join(":");
      const head = hextets.slice(0, bestStart).join(":");
      const tail = hextets.slice(bestStart + bestLength).join(":");
      return head + "::" + tail;
    }
    function normalizeIPv6Address(input) {
      const compression = input.indexOf("::");
      if (compression !== -1 && input.indexOf("::", compression + 1) !== -1) return void 0;
      const left = compression === -1 ? input.split(":") : input.slice(0, compression).split(":");
      const right = compression === -1 ? [] : input.slice(compression + 2).split(":");
      if (compression !== -1) {
        if (left.length === 1 && left[0] === "") left.length = 0;
        if (right.length === 1 && right[0] === "") right.length = 0;
      }
      const parts = left.concat(right);
      let hextetCount = 0;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part === "") return void 0;
        if (part.indexOf(".") !== -1) {
          if (i !== parts.length - 1 || compression !== -1 && right.length === 0 || !isIPv4(part)) return void 0;
          hextetCount += 2;
          continue;
        }
        if (!isHextet(part)) return void 0;
        parts[i] = parseInt(part, 16).toString(16);
        hextetCount++;
      }
      if (compression === -1) {
        if (hextetCount !== 8) return void 0;
        return compressIPv6ZeroRun(parts);
      }
      if (hextetCount >= 8) return void 0;
      const expanded = parts.slice(0, left.length);
      for (let i = hextetCount; i < 8; i++) expanded.push("0");
      for (let i = left.length; i < parts.length; i++) expanded.push(parts[i]);
      return compressIPv6ZeroRun(expanded);
    }
    function normalizeIPv6(host) {
      const bracketed = host[0] === "[" && host[host.length - 1] === "]";
      const hasBracket = host[0] === "[" || host[host.length - 1] === "]";
      if (hasBracket && !bracketed) return { host, isIPV6: false, error: true };
      let input = bracketed ? host.slice(1, -1) : host;
      if (bracketed && isIPvFuture(input)) {
        input = input.toLowerCase();
        return { host: `[${input}]`, escapedHost: input, isIPV6: false, isIPVFuture: true };
      }
      if (findToken(input, ":") < 2) {
        return { host, isIPV6: false, error: bracketed };
      }
      let zoneIdentifier = "";
      const zoneSeparator = input.indexOf("%");
      if (zoneSeparator !== -1) {
        const separatorLength = input.slice(zoneSeparator, zoneSeparator + 3).toLowerCase() === "%25" ? 3 : 1;
        zoneIdentifier = input.slice(zoneSeparator + separatorLength);
        if (!isZoneIdentifier(zoneIdentifier)) return { host, isIPV6: false, error: true };
        input = input.slice(0, zoneSeparator);
      }
      const address = normalizeIPv6Address(input);
      if (address === void 0) return { host, isIPV6: false, error: true };
      return {
        host: address + (zoneIdentifier ? "%" + zoneIdentifier : ""),
        escapedHost: address + (zoneIdentifier ? "%25" + zoneIdentifier : ""),
        isIPV6: true
      };
    }
    function findToken(str, token) {
      let ind = 0;
      for (let i = 0; i < str.length; i++) {
        if (str[i] === token) ind++;
      }
      return ind;
    }
    function removeDotSegments(path) {
      let input = path;
      const output = [];
      let nextSlash = -1;
      let len = 0;
      while (len = input.length) {
        if (len === 1) {
          if (input === ".") {
            break;
          } else if (input === "/") {
            output.push("/");
            break;
          } else {
            output.push(input);
            break;
          }
        } else if (len === 2) {
          if (input[0] === ".") {
            if (input[1] === ".") {
              break;
            } else if (input[1] === "/") {
              input = input.slice(2);
              continue;
            }
          } else if (input[0] === "/") {
            if (input[1] === "." || input[1] === "/") {
              output.push("/");
              break;
            }
          }
        } else if (len === 3) {
          if (input === "/..") {
            if (output.length !== 0) {
              output.pop();
            }
            output.push("/");
            break;
          }
        }
        if (input[0] === ".") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(3);
              continue;
            }
          } else if (input[1] === "/") {
            input = input.slice(2);
            continue;
          }
        } else if (input[0] === "/") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(2);
              continue;
            } else if (input[2] === ".") {
              if (input[3] === "/") {
                input = input.slice(3);
                if (output.length !== 0) {
                  output.pop();
                }
                continue;
              }
            }
          }
        }
        if ((nextSlash = input.indexOf("/", 1)) === -1) {
          output.push(input);
          break;
        } else {
          output.push(input.slice(0, nextSlash));
          input = input.slice(nextSlash);
        }
      }
      return output.join("");
    }
    function removeDotSegmentsRelative(path) {
      if (path === "" || path[0] === "/") {
        return removeDotSegments(path);
      }
      const segments = path.split("/");
      const last = segments.length - 1;
      const output = [];
      let trailingDirectory = false;
      for (let i = 0; i <= last; i++) {
        const segment = segments[i];
        if (segment === "." || segment === "..") {
          if (segment === "..") {
            if (output.length !== 0 && output[output.length - 1] !== "..") {
              output.pop();
            } else {
              output.push("..");
            }
          }
          trailingDirectory = i === last;
        } else {
          output.push(segment);
        }
      }
      if (trailingDirectory && output[output.length - 1] !== "..") {
        output.push("");
      }
      if (output.length === 0 || output[0] === "" || output[0].includes(":")) {
        output.unshift(".");
      }
      return output.join("/");
    }
    var HOST_DELIMS = { "@": "%40", "/": "%2F", "?": "%3F", "#": "%23", ":": "%3A" };
    var HOST_DELIM_RE = /[@/?#:]/g;
    var HOST_DELIM_NO_COLON_RE = /[@/?#]/g;
    function reescapeHostDelimiters(host, isIP) {
      const re = isIP ? HOST_DELIM_NO_COLON_RE : HOST_DELIM_RE;
      re.lastIndex = 0;
      return host.replace(re, (ch) => HOST_DELIMS[ch]);
    }
    function normalizePercentEncoding(input, decodeUnreserved = false) {
      if (input.indexOf("%") === -1) {
        return input;
      }
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decodeUnreserved && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        output += input[i];
      }
      return output;
    }
    function normalizePathEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decoded !== "." && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isPathCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function serializePathEncoding(input, pathNoScheme = false) {
      let output = "";
      let firstSegment = pathNoScheme && input[0] !== "/";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (ch === "/") {
          firstSegment = false;
        }
        if (isPathCharacter(ch) && (ch !== ":" || !firstSegment)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeComponent(input, isAllowed) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (isAllowed(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeUserinfo(input) {
      return encodeComponent(input, isUserinfoCharacter);
    }
    function encodeQuery(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function encodeFragment(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function isEscapeSafe(cp) {
      return cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122 || cp === 42 || cp === 43 || cp === 45 || cp === 46 || cp === 47 || cp === 64 || cp === 95;
    }
    function normalizeQueryFragmentEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isQueryFragmentCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function escapePreservingEscapes(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        output += escape(input[i]);
      }
      return output;
    }
    function recomposeAuthority(component) {
      const uriTokens = [];
      if (component.userinfo !== void 0) {
        uriTokens.push(encodeUserinfo(component.userinfo));
        uriTokens.push("@");
      }
      if (component.host !== void 0) {
        let host = component.host;
        if (!isIPv4(host)) {
          let ipV6res = normalizeIPv6(host);
          if (ipV6res.isIPV6 !== true && ipV6res.isIPVFuture !== true) {
            host = normalizePercentEncoding(host, true);
            ipV6res = normalizeIPv6(host);
          }
          if (ipV6res.isIPV6 === true || ipV6res.isIPVFuture === true) {
            host = `[${ipV6res.escapedHost}]`;
          } else {
            host = reescapeHostDelimiters(host, false);
          }
        }
        uriTokens.push(host);
      }
      if (typeof component.port === "number" || typeof component.port === "string") {
        const port = String(component.port);
        if (!isPort(port)) {
          throw new TypeError("URI port is malformed.");
        }
        uriTokens.push(":");
        uriTokens.push(port);
      }
      return uriTokens.length ? uriTokens.join("") : void 0;
    }
    module.exports = {
      nonSimpleDomain,
      recomposeAuthority,
      reescapeHostDelimiters,
      normalizePercentEncoding,
      normalizePathEncoding,
      serializePathEncoding,
      normalizeQueryFragmentEncoding,
      encodeUserinfo,
      encodeQuery,
      encodeFragment,
      escapePreservingEscapes,
      removeDotSegments,
      removeDotSegmentsRelative,
      isIPv4,
      isUUID,
      normalizeIPv6,
      stringArrayToHexStripped
    };
  }
});

// node_modules/fast-uri/lib/schemes.js
var require_schemes = __commonJS({
  "node_modules/fast-uri/lib/schemes.js"(exports, module) {
    "use strict";
    var { isUUID } = require_utils();
    var URN_REG = /^([\da-z][\d\-a-z]{0,31}):((?:[\w!$'()*+,\-./:;=@]|%[\da-f]{2})+)$/iu;
    var supportedSchemeNames = (
      /** @type {const} */
      [
        "http",
        "https",
        "ws",
        "wss",
        "urn",
        "urn:uuid"
      ]
    );
    function isValidSchemeName(name) {
      return supportedSchemeNames.indexOf(
        /** @type {*} */
        name
      ) !== -1;
    }
    function wsIsSecure(wsComponent) {
      if (wsComponent.secure === true) {
        return true;
      } else if (wsComponent.secure === false) {
        return false;
      } else if (wsComponent.scheme) {
        return wsComponent.scheme.length === 3 && (wsComponent.scheme[0] === "w" || wsComponent.scheme[0] === "W") && (wsComponent.scheme[1] === "s" || wsComponent.scheme[1] === "S") && (wsComponent.scheme[2] === "s" || wsComponent.scheme[2] === "S");
      } else {
        return false;
      }
    }
    function httpParse(component) {
      if (!component.host) {
        component.error = component.error || "HTTP URIs must have a host.";
      }
      return component;
    }
    function httpSerialize(component) {
      const secure = String(component.scheme).toLowerCase() === "https";
      if (component.port === (secure ? 443 : 80) || component.port === "") {
        component.port = void 0;
      }
      if (!component.path) {
        component.path = "/";
      }
      return component;
    }
    function wsParse(wsComponent) {
      wsComponent.secure = wsIsSecure(wsComponent);
      wsComponent.resourceName = (wsComponent.path || "/") + (wsComponent.query ? "?" + wsComponent.query : "");
      wsComponent.path = void 0;
      wsComponent.query = void 0;
      return wsComponent;
    }
    function wsSerialize(wsComponent) {
      if (wsComponent.port === (wsIsSecure(wsComponent) ? 443 : 80) || wsComponent.port === "") {
        wsComponent.port = void 0;
      }
      if (typeof wsComponent.secure === "boolean") {
        wsComponent.scheme = wsComponent.secure ? "wss" : "ws";
        wsComponent.secure = void 0;
      }
      if (wsComponent.resourceName) {
        const queryIndex = wsComponent.resourceName.indexOf("?");
        const path = queryIndex === -1 ? wsComponent.resourceName : wsComponent.resourceName.slice(0, queryIndex);
        wsComponent.path = path && path !== "/" ? path : void 0;
        wsComponent.query = queryIndex === -1 ? void 0 : wsComponent.resourceName.slice(queryIndex + 1);
        wsComponent.resourceName = void 0;
      }
      wsComponent.fragment = void 0;
      return wsComponent;
    }
    function urnParse(urnComponent, options) {
      if (!urnComponent.path) {
        urnComponent.error = "URN can not be parsed";
        return urnComponent;
      }
      const matches2 = urnComponent.path.match(URN_REG);
      if (matches2 && matches2[0] === urnComponent.path) {
        const scheme = options.scheme || urnComponent.scheme || "urn";
        urnComponent.nid = matches2[1].toLowerCase();
        urnComponent.nss = matches2[2];
        const urnScheme = `${scheme}:${options.nid || urnComponent.nid}`;
        const schemeHandler = getSchemeHandler(urnScheme);
        urnComponent.path = void 0;
        if (schemeHandler) {
          urnComponent = schemeHandler.parse(urnComponent, options);
        }
      } else {
        urnComponent.error = urnComponent.error || "URN can not be parsed.";
      }
      return urnComponent;
    }
    function urnSerialize(urnComponent, options) {
      if (urnComponent.nid === void 0) {
        throw new Error("URN without nid cannot be serialized");
      }
      const scheme = options.scheme || urnComponent.scheme || "urn";
      const nid = urnComponent.nid.toLowerCase();
      const urnScheme = `${scheme}:${options.nid || nid}`;
      const schemeHandler = getSchemeHandler(urnScheme);
      if (schemeHandler) {
        urnComponent = schemeHandler.serialize(urnComponent, options);
      }
      const uriComponent = urnComponent;
      const nss = urnComponent.nss;
      uriComponent.path = `${nid || options.nid}:${nss}`;
      options.skipEscape = true;
      return uriComponent;
    }
    function urnuuidParse(urnComponent, options) {
      const uuidComponent = urnComponent;
      uuidComponent.uuid = uuidComponent.nss;
      uuidComponent.nss = void 0;
      if (!options.tolerant && (!uuidComponent.uuid || !isUUID(uuidComponent.uuid))) {
        uuidComponent.error = uuidComponent.error || "UUID is not valid.";
      }
      return uuidComponent;
    }
    function urnuuidSerialize(uuidComponent) {
      const urnComponent = uuidComponent;
      urnComponent.nss = (uuidComponent.uuid || "").toLowerCase();
      return urnComponent;
    }
    var http = (
      /** @type {SchemeHandler} */
      {
        scheme: "http",
        domainHost: true,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var https = (
      /** @type {SchemeHandler} */
      {
        scheme: "https",
        domainHost: http.domainHost,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var ws = (
      /** @type {SchemeHandler} */
      {
        scheme: "ws",
        domainHost: true,
        parse: wsParse,
        serialize: wsSerialize
      }
    );
    var wss = (
      /** @type {SchemeHandler} */
      {
        scheme: "wss",
        domainHost: ws.domainHost,
        parse: ws.parse,
        serialize: ws.serialize
      }
    );
    var urn = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn",
        parse: urnParse,
        serialize: urnSerialize,
        skipNormalize: true
      }
    );
    var urnuuid = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn:uuid",
        parse: urnuuidParse,
        serialize: urnuuidSerialize,
        skipNormalize: true
      }
    );
    var SCHEMES = (
      /** @type {Record<SchemeName, SchemeHandler>} */
      {
        http,
        https,
        ws,
        wss,
        urn,
        "urn:uuid": urnuuid
      }
    );
    Object.setPrototypeOf(SCHEMES, null);
    function getSchemeHandler(scheme) {
      return scheme && (SCHEMES[
        /** @type {SchemeName} */
        scheme
      ] || SCHEMES[
        /** @type {SchemeName} */
        scheme.toLowerCase()
      ]) || void 0;
    }
    module.exports = {
      wsIsSecure,
      SCHEMES,
      isValidSchemeName,
      getSchemeHandler
    };
  }
});

// node_modules/fast-uri/index.js
var require_fast_uri = __commonJS({
  "node_modules/fast-uri/index.js"(exports, module) {
    "use strict";
    var { normalizeIPv6, removeDotSegments, removeDotSegmentsRelative, recomposeAuthority, normalizePercentEncoding, normalizePathEncoding, serializePathEncoding, normalizeQueryFragmentEncoding, encodeQuery, encodeFragment, reescapeHostDelimiters, isIPv4, nonSimpleDomain } = require_utils();
    var { SCHEMES, getSchemeHandler } = require_schemes();
    var VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/u;
    var MALFORMED_SCHEME_ERROR = "URI scheme is malformed.";
    var MALFORMED_HOST_ERROR = "URI host is malformed.";
    var FORBIDDEN_DOMAIN_HOST_CHARACTER = /[\0-\x20"#/:<>?@[\\\]^`{|}\x7F]/u;
    function validateScheme(scheme) {
      const stringScheme = String(scheme);
      if (!VALID_SCHEME.test(stringScheme)) {
        throw new TypeError(MALFORMED_SCHEME_ERROR);
      }
      return stringScheme;
    }
    function normalize3(uri, options) {
      if (typeof uri === "string") {
        uri = /** @type {T} */
        normalizeString(uri, options);
      } else if (typeof uri === "object") {
        uri = /** @type {T} */
        parse(serialize(uri, options), options);
      }
      return uri;
    }
    function resolve13(baseURI, relativeURI, options) {
      const schemelessOptions = options ? Object.assign({ scheme: "null" }, options) : { scheme: "null" };
      const {
        parsed: baseParsed,
        malformedAuthorityOrPort: baseMalformed,
        malformedPercentEncoding: baseMalformedPercentEncoding,
        malformedSchemeSpecific: baseMalformedSchemeSpecific,
        malformedHost: baseMalformedHost,
        malformedScheme: baseMalformedScheme
      } = parseWithStatus(baseURI, schemelessOptions);
      const {
        parsed: relativeParsed,
        malformedAuthorityOrPort: relativeMalformed,
        malformedPercentEncoding: relativeMalformedPercentEncoding,
        malformedSchemeSpecific: relativeMalformedSchemeSpecific,
        malformedHost: relativeMalformedHost,
        malformedScheme: relativeMalformedScheme
      } = parseWithStatus(relativeURI, schemelessOptions);
      if (baseMalformed || relativeMalformed || baseMalformedPercentEncoding || relativeMalformedPercentEncoding || baseMalformedSchemeSpecific || relativeMalformedSchemeSpecific || baseMalformedHost || relativeMalformedHost || baseMalformedScheme || relativeMalformedScheme) {
        throw new Error(baseParsed.error || relativeParsed.error || "URI is malformed.");
      }
      const resolved = resolveComponent(baseParsed, relativeParsed, schemelessOptions, true);
      const resolvedSchemeHandler = getSchemeHandler(options && options.scheme || resolved.scheme);
      const resolvedHost = resolved.host;
      const resolvedHostIsIP = resolvedHost !== void 0 && resolvedHost !== "" && (isIPv4(resolvedHost) || normalizeIPv6(resolvedHost).isIPV6);
      if (hasForbiddenDomainHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)) {
        throw new Error(MALFORMED_HOST_ERROR);
      }
      canonicalizeHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP);
      const encodedASCIIHost = resolvedHost && resolvedHost.indexOf("%") !== -1 && !new RegExp("\\P{ASCII}", "u").test(resolvedHost);
      if (resolved.error && !encodedASCIIHost) {
        throw new Error(resolved.error);
      }
      schemelessOptions.skipEscape = true;
      return serialize(resolved, schemelessOptions);
    }
    function resolveComponent(base, relative2, options, skipNormalization) {
      const target = {};
      if (!skipNormalization) {
        base = parse(serialize(base, options), options);
        relative2 = parse(serialize(relative2, options), options);
      }
      options = options || {};
      if (!options.tolerant && relative2.scheme) {
        target.scheme = relative2.scheme;
        target.userinfo = relative2.userinfo;
        target.host = relative2.host;
        target.port = relative2.port;
        target.path = removeDotSegments(relative2.path || "");
        target.query = relative2.query;
      } else {
        if (relative2.userinfo !== void 0 || relative2.host !== void 0 || relative2.port !== void 0) {
          target.userinfo = relative2.userinfo;
          target.host = relative2.host;
          target.port = relative2.port;
          target.path = removeDotSegments(relative2.path || "");
          target.query = relative2.query;
        } else {
          if (!relative2.path) {
            target.path = base.path;
            if (relative2.query !== void 0) {
              target.query = relative2.query;
            } else {
              target.query = base.query;
            }
          } else {
            if (relative2.path[0] === "/") {
              target.path = removeDotSegments(relative2.path);
            } else {
              const baseHasAuthority = base.userinfo !== void 0 || base.host !== void 0 || base.port !== void 0;
              if (baseHasAuthority && !base.path) {
                target.path = "/" + relative2.path;
              } else if (!base.path) {
                target.path = relative2.path;
              } else {
                target.path = base.path.slice(0, base.path.lastIndexOf("/") + 1) + relative2.path;
              }
              target.path = base.scheme === void 0 && !baseHasAuthority && target.path[0] !== "/" ? removeDotSegmentsRelative(target.path) : removeDotSegments(target.path);
            }
            target.query = relative2.query;
          }
          target.userinfo = base.userinfo;
          target.host = base.host;
          target.port = base.port;
        }
        target.scheme = base.scheme;
      }
      target.fragment = relative2.fragment;
      return target;
    }
    function equal2(uriA, uriB, options) {
      const normalizedA = normalizeComparableURI(uriA, options);
      const normalizedB = normalizeComparableURI(uriB, options);
      return normalizedA !== void 0 && normalizedB !== void 0 && normalizedA === normalizedB;
    }
    function serialize(cmpts, opts) {
      const component = {
        host: cmpts.host,
        scheme: cmpts.scheme,
        userinfo: cmpts.userinfo,
        port: cmpts.port,
        path: cmpts.path,
        query: cmpts.query,
        nid: cmpts.nid,
        nss: cmpts.nss,
        uuid: cmpts.uuid,
        fragment: cmpts.fragment,
        reference: cmpts.reference,
        resourceName: cmpts.resourceName,
        secure: cmpts.secure,
        error: ""
      };
      const options = Object.assign({}, opts);
      const uriTokens = [];
      if (component.scheme) {
        component.scheme = validateScheme(component.scheme);
      }
      const schemeHandler = getSchemeHandler(options.scheme || component.scheme);
      if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(component, options);
      const hasAuthority = component.userinfo !== void 0 || component.host !== void 0 || component.port !== void 0;
      const schemelessReference = (component.scheme === void 0 || options.reference === "suffix") && !hasAuthority;
      const pathNoScheme = !options.skipEscape && schemelessReference;
      if (component.path !== void 0) {
        if (!options.skipEscape) {
          component.path = serializePathEncoding(component.path, pathNoScheme);
        } else {
          component.path = normalizePercentEncoding(component.path);
        }
      }
      if (options.reference !== "suffix" && component.scheme) {
        component.scheme = validateScheme(component.scheme);
        uriTokens.push(component.scheme, ":");
      }
      const authority = recomposeAuthority(component);
      if (authority !== void 0) {
        if (options.reference !== "suffix") {
          uriTokens.push("//");
        }
        uriTokens.push(authority);
        if (component.path && component.path[0] !== "/") {
          uriTokens.push("/");
        }
      }
      if (component.path !== void 0) {
        let s = component.path;
        if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
          s = schemelessReference && s[0] !== "/" ? removeDotSegmentsRelative(s) : removeDotSegments(s);
        }
        if (schemelessReference) {
          s = serializePathEncoding(s, true);
        }
        if (authority === void 0 && s[0] === "/" && s[1] === "/") {
          s = "/%2F" + s.slice(2);
        }
        uriTokens.push(s);
      }
      if (component.query !== void 0) {
        uriTokens.push("?", encodeQuery(component.query));
      }
      if (component.fragment !== void 0) {
        uriTokens.push("#", encodeFragment(component.fragment));
      }
      return uriTokens.join("");
    }
    var URI_PARSE = /^(?:([^#/:?]+):)?(?:\/\/((?:([^#/?@]*)@)?(\[[^#/?\]]+\]|[^#/:?]*)(?::(\d*))?))?([^#?]*)(?:\?([^#]*))?(?:#((?:.|[\n\r])*))?/u;
    var AUTHORITY_PREFIX = /^(?:[^#/:?]+:)?\/\/([^/?#]*)/;
    var AUTHORITY_INTRODUCER_REGION = /^(?:[^#/:?]+:)?([/\\\t\n\r]*)/;
    function getParseError(parsed2, matches2) {
      if (matches2[2] !== void 0 && parsed2.path && parsed2.path[0] !== "/") {
        return 'URI path must start with "/" when authority is present.';
      }
      if (typeof parsed2.port === "number" && (parsed2.port < 0 || parsed2.port > 65535)) {
        return "URI port is malformed.";
      }
      return void 0;
    }
    function hasMalformedPercentEncoding(component) {
      if (component === void 0) return false;
      let percent = component.indexOf("%");
      while (percent !== -1) {
        if (percent + 2 >= component.length || !/^[\da-f]{2}$/iu.test(component.slice(percent + 1, percent + 3))) {
          return true;
        }
        percent = component.indexOf("%", percent + 3);
      }
      return false;
    }
    function isIPLiteral(host) {
      return host[0] === "[" && host[host.length - 1] === "]";
    }
    function hasMalformedComponentPercentEncoding(matches2) {
      const host = matches2[4];
      return hasMalformedPercentEncoding(matches2[3]) || host !== void 0 && !isIPLiteral(host) && hasMalformedPercentEncoding(host) || hasMalformedPercentEncoding(matches2[6]) || hasMalformedPercentEncoding(matches2[7]) || hasMalformedPercentEncoding(matches2[8]);
    }
    function canonicalizeHost(parsed2, options, schemeHandler, isIP) {
      if (hasForbiddenDomainHost(parsed2, options, schemeHandler, isIP)) {
        parsed2.error = parsed2.error || MALFORMED_HOST_ERROR;
        return true;
      }
      if (!options.unicodeSupport && (!schemeHandler || !schemeHandler.unicodeSupport) && parsed2.host && !isIPLiteral(parsed2.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && isIP === false && nonSimpleDomain(parsed2.host)) {
        let url;
        try {
          url = new URL("http://" + parsed2.host);
        } catch (e) {
          parsed2.error = parsed2.error || "Host's domain name can not be converted to ASCII: " + e;
          return true;
        }
        if (!isHostOnlyURL(url)) {
          parsed2.error = parsed2.error || MALFORMED_HOST_ERROR;
          return true;
        }
        parsed2.host = url.hostname;
      }
      return false;
    }
    function hasForbiddenDomainHost(parsed2, options, schemeHandler, isIP) {
      return Boolean(
        parsed2.host && isIP === false && !isIPLiteral(parsed2.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && FORBIDDEN_DOMAIN_HOST_CHARACTER.test(parsed2.host)
      );
    }
    function isHostOnlyURL(url) {
      return url.username === "" && url.password === "" && url.port === "" && url.pathname === "/" && url.search === "" && url.hash === "" && url.hostname !== "";
    }
    function parseWithStatus(uri, opts) {
      const options = Object.assign({}, opts);
      const parsed2 = {
        scheme: void 0,
        userinfo: void 0,
        host: "",
        port: void 0,
        path: "",
        query: void 0,
        fragment: void 0
      };
      let malformedAuthorityOrPort = false;
      let malformedPercentEncoding = false;
      let malformedSchemeSpecific = false;
      let malformedHost = false;
      let malformedIPLiteral = false;
      let malformedScheme = false;
      let isIP = false;
      if (options.reference === "suffix") {
        if (options.scheme) {
          uri = options.scheme + ":" + uri;
        } else {
          uri = "//" + uri;
        }
      }
      const authorityMatch = uri.match(AUTHORITY_PREFIX);
      if (authorityMatch !== null && authorityMatch[1].indexOf("\\") !== -1) {
        parsed2.error = "URI authority must not contain a literal backslash.";
        malformedAuthorityOrPort = true;
      }
      const introducerMatch = uri.match(AUTHORITY_INTRODUCER_REGION);
      if (introducerMatch !== null) {
        const region = introducerMatch[1];
        const normalizedRegion = region.replace(/[\t\n\r]/g, "");
        if (normalizedRegion.length >= 2) {
          if (normalizedRegion.slice(0, 2) !== "//") {
            parsed2.error = parsed2.error || "URI authority must not contain a literal backslash.";
            malformedAuthorityOrPort = true;
          } else if (region.length !== normalizedRegion.length) {
            parsed2.error = parsed2.error || "URI authority introducer must not contain whitespace.";
            malformedAuthorityOrPort = true;
          }
        }
      }
      const matches2 = uri.match(URI_PARSE);
      if (matches2) {
        parsed2.scheme = matches2[1];
        parsed2.userinfo = matches2[3];
        parsed2.host = matches2[4];
        parsed2.port = parseInt(matches2[5], 10);
        parsed2.path = matches2[6] || "";
        parsed2.query = matches2[7];
        parsed2.fragment = matches2[8];
        if (parsed2.scheme !== void 0) {
          if (VALID_SCHEME.test(parsed2.scheme)) {
            parsed2.scheme = parsed2.scheme.toLowerCase();
          } else {
            parsed2.error = parsed2.error || MALFORMED_SCHEME_ERROR;
            malformedScheme = true;
          }
        }
        malformedPercentEncoding = hasMalformedComponentPercentEncoding(matches2);
        if (malformedPercentEncoding) {
          parsed2.error = parsed2.error || "URI contains malformed percent-encoding.";
        }
        if (isNaN(parsed2.port)) {
          parsed2.port = matches2[5];
        }
        const parseError = getParseError(parsed2, matches2);
        if (parseError !== void 0) {
          parsed2.error = parsed2.error || parseError;
          malformedAuthorityOrPort = true;
        }
        if (parsed2.host) {
          const ipv4result = isIPv4(parsed2.host);
          if (ipv4result === false) {
            const bracketedIPLiteral = isIPLiteral(parsed2.host);
            const hasIPLiteralBracket = parsed2.host.indexOf("[") !== -1 || parsed2.host.indexOf("]") !== -1;
            const ipv6result = normalizeIPv6(parsed2.host);
            isIP = ipv6result.isIPV6 || ipv6result.isIPVFuture === true;
            malformedIPLiteral = hasIPLiteralBracket && (!bracketedIPLiteral || ipv6result.error === true);
            parsed2.host = isIP ? ipv6result.host : ipv6result.host.toLowerCase();
            if (malformedIPLiteral) {
              parsed2.error = parsed2.error || MALFORMED_HOST_ERROR;
              malformedAuthorityOrPort = true;
            }
          } else {
            isIP = true;
          }
        }
        if (parsed2.scheme === void 0 && parsed2.userinfo === void 0 && parsed2.host === void 0 && parsed2.port === void 0 && parsed2.query === void 0 && !parsed2.path) {
          parsed2.reference = "same-document";
        } else if (parsed2.scheme === void 0) {
          parsed2.reference = "relative";
        } else if (parsed2.fragment === void 0) {
          parsed2.reference = "absolute";
        } else {
          parsed2.reference = "uri";
        }
        if (options.reference && options.reference !== "suffix" && options.reference !== parsed2.reference) {
          parsed2.error = parsed2.error || "URI is not a " + options.reference + " reference.";
        }
        const schemeHandler = getSchemeHandler(options.scheme || parsed2.scheme);
        if (!malformedIPLiteral) {
          malformedHost = canonicalizeHost(parsed2, options, schemeHandler, isIP);
        }
        if (uri.indexOf("%") !== -1 && parsed2.host !== void 0 && !malformedIPLiteral) {
          let host = isIP ? parsed2.host : normalizePercentEncoding(parsed2.host, true);
          if (!isIP) {
            host = normalizePercentEncoding(host.toLowerCase());
          }
          parsed2.host = isIP || options.scheme !== "null" ? reescapeHostDelimiters(host, isIP) : host;
        }
        if (!schemeHandler || schemeHandler && !schemeHandler.skipNormalize) {
          if (parsed2.path) {
            parsed2.path = normalizePathEncoding(parsed2.path);
          }
          if (parsed2.query) {
            parsed2.query = normalizeQueryFragmentEncoding(parsed2.query);
          }
          if (parsed2.fragment) {
            parsed2.fragment = normalizeQueryFragmentEncoding(parsed2.fragment);
          }
        }
        if (schemeHandler && schemeHandler.parse) {
          schemeHandler.parse(parsed2, options);
          if (schemeHandler === SCHEMES.urn && parsed2.nid === void 0) {
            malformedSchemeSpecific = true;
          }
        }
      } else {
        parsed2.error = parsed2.error || "URI can not be parsed.";
      }
      return { parsed: parsed2, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme };
    }
    function parse(uri, opts) {
      return parseWithStatus(uri, opts).parsed;
    }
    function normalizeString(uri, opts) {
      return normalizeStringWithStatus(uri, opts).normalized;
    }
    function normalizeStringWithStatus(uri, opts) {
      const { parsed: parsed2, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = parseWithStatus(uri, opts);
      return {
        normalized: malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? uri : serialize(parsed2, opts),
        malformedAuthorityOrPort,
        malformedPercentEncoding,
        malformedSchemeSpecific,
        malformedHost,
        malformedScheme
      };
    }
    function normalizeComparableURI(uri, opts) {
      if (typeof uri !== "string" && typeof uri !== "object") {
        return void 0;
      }
      let value2;
      try {
        value2 = typeof uri === "string" ? uri : serialize(uri, opts);
      } catch {
        return void 0;
      }
      const { normalized, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = normalizeStringWithStatus(value2, opts);
      return malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? void 0 : normalized;
    }
    var fastUri = {
      SCHEMES,
      normalize: normalize3,
      resolve: resolve13,
      resolveComponent,
      equal: equal2,
      serialize,
      parse
    };
    module.exports = fastUri;
    module.exports.default = fastUri;
    module.exports.fastUri = fastUri;
  }
});

// node_modules/ajv/dist/runtime/uri.js
var require_uri = __commonJS({
  "node_modules/ajv/dist/runtime/uri.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var uri = require_fast_uri();
    uri.code = 'require("ajv/dist/runtime/uri").default';
    exports.default = uri;
  }
});

// node_modules/ajv/dist/core.js
var require_core = __commonJS({
  "node_modules/ajv/dist/core.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = void 0;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    var ref_error_1 = require_ref_error();
    var rules_1 = require_rules();
    var compile_1 = require_compile();
    var codegen_2 = require_codegen();
    var resolve_1 = require_resolve();
    var dataType_1 = require_dataType();
    var util_1 = require_util();
    var $dataRefSchema = require_data();
    var uri_1 = require_uri();
    var defaultRegExp = (str, flags) => new RegExp(str, flags);
    defaultRegExp.code = "new RegExp";
    var META_IGNORE_OPTIONS = ["removeAdditional", "useDefaults", "coerceTypes"];
    var EXT_SCOPE_NAMES = /* @__PURE__ */ new Set([
      "validate",
      "serialize",
      "parse",
      "wrapper",
      "root",
      "schema",
      "keyword",
      "pattern",
      "formats",
      "validate$data",
      "func",
      "obj",
      "Error"
    ]);
    var removedOptions = {
      errorDataPath: "",
      format: "`validateFormats: false` can be used instead.",
      nullable: '"nullable" keyword is supported by default.',
      jsonPointers: "Deprecated jsPropertySyntax can be used instead.",
      extendRefs: "Deprecated ignoreKeywordsWithRef can be used instead.",
      missingRefs: "Pass empty schema with $id that should be ignored to ajv.addSchema.",
      processCode: "Use option `code: {process: (code, schemaEnv: object) => string}`",
      sourceCode: "Use option `code: {source: true}`",
      strictDefaults: "It is default now, see option `strict`.",
      strictKeywords: "It is default now, see option `strict`.",
      uniqueItems: '"uniqueItems" keyword is always validated.',
      unknownFormats: "Disable strict mode or pass `true` to `ajv.addFormat` (or `formats` option).",
      cache: "Map is used as cache, schema object as key.",
      serialize: "Map is used as cache, schema object as key.",
      ajvErrors: "It is default now."
    };
    var deprecatedOptions = {
      ignoreKeywordsWithRef: "",
      jsPropertySyntax: "",
      unicode: '"minLength"/"maxLength" account for unicode characters by default.'
    };
    var MAX_EXPRESSION = 200;
    function requiredOptions(o) {
      var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
      const s = o.strict;
      const _optz = (_a = o.code) === null || _a === void 0 ? void 0 : _a.optimize;
      const optimize = _optz === true || _optz === void 0 ? 1 : _optz || 0;
      const regExp = (_c = (_b = o.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
      const uriResolver = (_d = o.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
      return {
        strictSchema: (_f = (_e = o.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
        strictNumbers: (_h = (_g = o.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
        strictTypes: (_k = (_j = o.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
        strictTuples: (_m = (_l = o.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
        strictRequired: (_p = (_o = o.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
        code: o.code ? { ...o.code, optimize, regExp } : { optimize, regExp },
        loopRequired: (_q = o.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
        loopEnum: (_r = o.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
        meta: (_s = o.meta) !== null && _s !== void 0 ? _s : true,
        messages: (_t = o.messages) !== null && _t !== void 0 ? _t : true,
        inlineRefs: (_u = o.inlineRefs) !== null && _u !== void 0 ? _u : true,
        schemaId: (_v = o.schemaId) !== null && _v !== void 0 ? _v : "$id",
        addUsedSchema: (_w = o.addUsedSchema) !== null && _w !== void 0 ? _w : true,
        validateSchema: (_x = o.validateSchema) !== null && _x !== void 0 ? _x : true,
        validateFormats: (_y = o.validateFormats) !== null && _y !== void 0 ? _y : true,
        unicodeRegExp: (_z = o.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
        int32range: (_0 = o.int32range) !== null && _0 !== void 0 ? _0 : true,
        uriResolver
      };
    }
    var Ajv5 = class {
      constructor(opts = {}) {
        this.schemas = {};
        this.refs = {};
        this.formats = /* @__PURE__ */ Object.create(null);
        this._compilations = /* @__PURE__ */ new Set();
        this._loading = {};
        this._cache = /* @__PURE__ */ new Map();
        opts = this.opts = { ...opts, ...requiredOptions(opts) };
        const { es5, lines } = this.opts.code;
        this.scope = new codegen_2.ValueScope({ scope: {}, prefixes: EXT_SCOPE_NAMES, es5, lines });
        this.logger = getLogger(opts.logger);
        const formatOpt = opts.validateFormats;
        opts.validateFormats = false;
        this.RULES = (0, rules_1.getRules)();
        checkOptions.call(this, removedOptions, opts, "NOT SUPPORTED");
        checkOptions.call(this, deprecatedOptions, opts, "DEPRECATED", "warn");
        this._metaOpts = getMetaSchemaOptions.call(this);
        if (opts.formats)
          addInitialFormats.call(this);
        this._addVocabularies();
        this._addDefaultMetaSchema();
        if (opts.keywords)
          addInitialKeywords.call(this, opts.keywords);
        if (typeof opts.meta == "object")
          this.addMetaSchema(opts.meta);
        addInitialSchemas.call(this);
        opts.validateFormats = formatOpt;
      }
      _addVocabularies() {
        this.addKeyword("$async");
      }
      _addDefaultMetaSchema() {
        const { $data, meta, schemaId } = this.opts;
        let _dataRefSchema = $dataRefSchema;
        if (schemaId === "id") {
          _dataRefSchema = { ...$dataRefSchema };
          _dataRefSchema.id = _dataRefSchema.$id;
          delete _dataRefSchema.$id;
        }
        if (meta && $data)
          this.addMetaSchema(_dataRefSchema, _dataRefSchema[schemaId], false);
      }
      defaultMeta() {
        const { meta, schemaId } = this.opts;
        return this.opts.defaultMeta = typeof meta == "object" ? meta[schemaId] || meta : void 0;
      }
      validate(schemaKeyRef, data) {
        let v;
        if (typeof schemaKeyRef == "string") {
          v = this.getSchema(schemaKeyRef);
          if (!v)
            throw new Error(`no schema with key or ref "${schemaKeyRef}"`);
        } else {
          v = this.compile(schemaKeyRef);
        }
        const valid = v(data);
        if (!("$async" in v))
          this.errors = v.errors;
        return valid;
      }
      compile(schema, _meta) {
        const sch = this._addSchema(schema, _meta);
        return sch.validate || this._compileSchemaEnv(sch);
      }
      compileAsync(schema, meta) {
        if (typeof this.opts.loadSchema != "function") {
          throw new Error("options.loadSchema should be a function");
        }
        const { loadSchema } = this.opts;
        return runCompileAsync.call(this, schema, meta);
        async function runCompileAsync(_schema, _meta) {
          await loadMetaSchema.call(this, _schema.$schema);
          const sch = this._addSchema(_schema, _meta);
          return sch.validate || _compileAsync.call(this, sch);
        }
        async function loadMetaSchema($ref) {
          if ($ref && !this.getSchema($ref)) {
            await runCompileAsync.call(this, { $ref }, true);
          }
        }
        async function _compileAsync(sch) {
          try {
            return this._compileSchemaEnv(sch);
          } catch (e) {
            if (!(e instanceof ref_error_1.default))
              throw e;
            checkLoaded.call(this, e);
            await loadMissingSchema.call(this, e.missingSchema);
            return _compileAsync.call(this, sch);
          }
        }
        function checkLoaded({ missingSchema: ref, missingRef }) {
          if (this.refs[ref]) {
            throw new Error(`AnySchema ${ref} is loaded but ${missingRef} cannot be resolved`);
          }
        }
        async function loadMissingSchema(ref) {
          const _schema = await _loadSchema.call(this, ref);
          if (!this.refs[ref])
            await loadMetaSchema.call(this, _schema.$schema);
          if (!this.refs[ref])
            this.addSchema(_schema, ref, meta);
        }
        async function _loadSchema(ref) {
          const p = this._loading[ref];
          if (p)
            return p;
          try {
            return await (this._loading[ref] = loadSchema(ref));
          } finally {
            delete this._loading[ref];
          }
        }
      }
      // Adds schema to the instance
      addSchema(schema, key, _meta, _validateSchema = this.opts.validateSchema) {
        if (Array.isArray(schema)) {
          for (const sch of schema)
            this.addSchema(sch, void 0, _meta, _validateSchema);
          return this;
        }
        let id;
        if (typeof schema === "object") {
          const { schemaId } = this.opts;
          id = schema[schemaId];
          if (id !== void 0 && typeof id != "string") {
            throw new Error(`schema ${schemaId} must be string`);
          }
        }
        key = (0, resolve_1.normalizeId)(key || id);
        this._checkUnique(key);
        this.schemas[key] = this._addSchema(schema, _meta, key, _validateSchema, true);
        return this;
      }
      // Add schema that will be used to validate other schemas
      // options in META_IGNORE_OPTIONS are alway set to false
      addMetaSchema(schema, key, _validateSchema = this.opts.validateSchema) {
        this.addSchema(schema, key, true, _validateSchema);
        return this;
      }
      //  Validate schema against its meta-schema
      validateSchema(schema, throwOrLogError) {
        if (typeof schema == "boolean")
          return true;
        let $schema;
        $schema = schema.$schema;
        if ($schema !== void 0 && typeof $schema != "string") {
          throw new Error("$schema must be a string");
        }
        $schema = $schema || this.opts.defaultMeta || this.defaultMeta();
        if (!$schema) {
          this.logger.warn("meta-schema not available");
          this.errors = null;
          return true;
        }
        const valid = this.validate($schema, schema);
        if (!valid && throwOrLogError) {
          const message = "schema is invalid: " + this.errorsText();
          if (this.opts.validateSchema === "log")
            this.logger.error(message);
          else
            throw new Error(message);
        }
        return valid;
      }
      // Get compiled schema by `key` or `ref`.
      // (`key` that was passed to `addSchema` or full schema reference - `schema.$id` or resolved id)
      getSchema(keyRef) {
        let sch;
        while (typeof (sch = getSchEnv.call(this, keyRef)) == "string")
          keyRef = sch;
        if (sch === void 0) {
          const { schemaId } = this.opts;
          const root = new compile_1.SchemaEnv({ schema: {}, schemaId });
          sch = compile_1.resolveSchema.call(this, root, keyRef);
          if (!sch)
            return;
          this.refs[keyRef] = sch;
        }
        return sch.validate || this._compileSchemaEnv(sch);
      }
      // Remove cached schema(s).
      // If no parameter is passed all schemas but meta-schemas are removed.
      // If RegExp is passed all schemas with key/id matching pattern but meta-schemas are removed.
      // Even if schema is referenced by other schemas it still can be removed as other schemas have local references.
      removeSchema(schemaKeyRef) {
        if (schemaKeyRef instanceof RegExp) {
          this._removeAllSchemas(this.schemas, schemaKeyRef);
          this._removeAllSchemas(this.refs, schemaKeyRef);
          return this;
        }
        switch (typeof schemaKeyRef) {
          case "undefined":
            this._removeAllSchemas(this.schemas);
            this._removeAllSchemas(this.refs);
            this._cache.clear();
            return this;
          case "string": {
            const sch = getSchEnv.call(this, schemaKeyRef);
            if (typeof sch == "object")
              this._cache.delete(sch.schema);
            delete this.schemas[schemaKeyRef];
            delete this.refs[schemaKeyRef];
            return this;
          }
          case "object": {
            const cacheKey = schemaKeyRef;
            this._cache.delete(cacheKey);
            let id = schemaKeyRef[this.opts.schemaId];
            if (id) {
              id = (0, resolve_1.normalizeId)(id);
              delete this.schemas[id];
              delete this.refs[id];
            }
            return this;
          }
          default:
            throw new Error("ajv.removeSchema: invalid parameter");
        }
      }
      // add "vocabulary" - a collection of keywords
      addVocabulary(definitions) {
        for (const def of definitions)
          this.addKeyword(def);
        return this;
      }
      addKeyword(kwdOrDef, def) {
        let keyword;
        if (typeof kwdOrDef == "string") {
          keyword = kwdOrDef;
          if (typeof def == "object") {
            this.logger.warn("these parameters are deprecated, see docs for addKeyword");
            def.keyword = keyword;
          }
        } else if (typeof kwdOrDef == "object" && def === void 0) {
          def = kwdOrDef;
          keyword = def.keyword;
          if (Array.isArray(keyword) && !keyword.length) {
            throw new Error("addKeywords: keyword must be string or non-empty array");
          }
        } else {
          throw new Error("invalid addKeywords parameters");
        }
        checkKeyword.call(this, keyword, def);
        if (!def) {
          (0, util_1.eachItem)(keyword, (kwd) => addRule.call(this, kwd));
          return this;
        }
        keywordMetaschema.call(this, def);
        const definition = {
          ...def,
          type: (0, dataType_1.getJSONTypes)(def.type),
          schemaType: (0, dataType_1.getJSONTypes)(def.schemaType)
        };
        (0, util_1.eachItem)(keyword, definition.type.length === 0 ? (k) => addRule.call(this, k, definition) : (k) => definition.type.forEach((t) => addRule.call(this, k, definition, t)));
        return this;
      }
      getKeyword(keyword) {
        const rule = this.RULES.all[keyword];
        return typeof rule == "object" ? rule.definition : !!rule;
      }
      // Remove keyword
      removeKeyword(keyword) {
        const { RULES } = this;
        delete RULES.keywords[keyword];
        delete RULES.all[keyword];
        for (const group of RULES.rules) {
          const i = group.rules.findIndex((rule) => rule.keyword === keyword);
          if (i >= 0)
            group.rules.splice(i, 1);
        }
        return this;
      }
      // Add format
      addFormat(name, format) {
        if (typeof format == "string")
          format = new RegExp(format);
        this.formats[name] = format;
        return this;
      }
      errorsText(errors = this.errors, { separator = ", ", dataVar = "data" } = {}) {
        if (!errors || errors.length === 0)
          return "No errors";
        return errors.map((e) => `${dataVar}${e.instancePath} ${e.message}`).reduce((text2, msg) => text2 + separator + msg);
      }
      $dataMetaSchema(metaSchema, keywordsJsonPointers) {
        const rules = this.RULES.all;
        metaSchema = JSON.parse(JSON.stringify(metaSchema));
        for (const jsonPointer of keywordsJsonPointers) {
          const segments = jsonPointer.split("/").slice(1);
          let keywords = metaSchema;
          for (const seg of segments)
            keywords = keywords[seg];
          for (const key in rules) {
            const rule = rules[key];
            if (typeof rule != "object")
              continue;
            const { $data } = rule.definition;
            const schema = keywords[key];
            if ($data && schema)
              keywords[key] = schemaOrData(schema);
          }
        }
        return metaSchema;
      }
      _removeAllSchemas(schemas, regex) {
        for (const keyRef in schemas) {
          const sch = schemas[keyRef];
          if (!regex || regex.test(keyRef)) {
            if (typeof sch == "string") {
              delete schemas[keyRef];
            } else if (sch && !sch.meta) {
              this._cache.delete(sch.schema);
              delete schemas[keyRef];
            }
          }
        }
      }
      _addSchema(schema, meta, baseId, validateSchema = this.opts.validateSchema, addSchema = this.opts.addUsedSchema) {
        let id;
        const { schemaId } = this.opts;
        if (typeof schema == "object") {
          id = schema[schemaId];
        } else {
          if (this.opts.jtd)
            throw new Error("schema must be object");
          else if (typeof schema != "boolean")
            throw new Error("schema must be object or boolean");
        }
        let sch = this._cache.get(schema);
        if (sch !== void 0)
          return sch;
        baseId = (0, resolve_1.normalizeId)(id || baseId);
        const localRefs = resolve_1.getSchemaRefs.call(this, schema, baseId);
        sch = new compile_1.SchemaEnv({ schema, schemaId, meta, baseId, localRefs });
        this._cache.set(sch.schema, sch);
        if (addSchema && !baseId.startsWith("#")) {
          if (baseId)
            this._checkUnique(baseId);
          this.refs[baseId] = sch;
        }
        if (validateSchema)
          this.validateSchema(schema, true);
        return sch;
      }
      _checkUnique(id) {
        if (this.schemas[id] || this.refs[id]) {
          throw new Error(`schema with key or id "${id}" already exists`);
        }
      }
      _compileSchemaEnv(sch) {
        if (sch.meta)
          this._compileMetaSchema(sch);
        else
          compile_1.compileSchema.call(this, sch);
        if (!sch.validate)
          throw new Error("ajv implementation error");
        return sch.validate;
      }
      _compileMetaSchema(sch) {
        const currentOpts = this.opts;
        this.opts = this._metaOpts;
        try {
          compile_1.compileSchema.call(this, sch);
        } finally {
          this.opts = currentOpts;
        }
      }
    };
    Ajv5.ValidationError = validation_error_1.default;
    Ajv5.MissingRefError = ref_error_1.default;
    exports.default = Ajv5;
    function checkOptions(checkOpts, options, msg, log = "error") {
      for (const key in checkOpts) {
        const opt = key;
        if (opt in options)
          this.logger[log](`${msg}: option ${key}. ${checkOpts[opt]}`);
      }
    }
    function getSchEnv(keyRef) {
      keyRef = (0, resolve_1.normalizeId)(keyRef);
      return this.schemas[keyRef] || this.refs[keyRef];
    }
    function addInitialSchemas() {
      const optsSchemas = this.opts.schemas;
      if (!optsSchemas)
        return;
      if (Array.isArray(optsSchemas))
        this.addSchema(optsSchemas);
      else
        for (const key in optsSchemas)
          this.addSchema(optsSchemas[key], key);
    }
    function addInitialFormats() {
      for (const name in this.opts.formats) {
        const format = this.opts.formats[name];
        if (format)
          this.addFormat(name, format);
      }
    }
    function addInitialKeywords(defs) {
      if (Array.isArray(defs)) {
        this.addVocabulary(defs);
        return;
      }
      this.logger.warn("keywords option as map is deprecated, pass array");
      for (const keyword in defs) {
        const def = defs[keyword];
        if (!def.keyword)
          def.keyword = keyword;
        this.addKeyword(def);
      }
    }
    function getMetaSchemaOptions() {
      const metaOpts = { ...this.opts };
      for (const opt of META_IGNORE_OPTIONS)
        delete metaOpts[opt];
      return metaOpts;
    }
    var noLogs = { log() {
    }, warn() {
    }, error() {
    } };
    function getLogger(logger) {
      if (logger === false)
        return noLogs;
      if (logger === void 0)
        return console;
      if (logger.log && logger.warn && logger.error)
        return logger;
      throw new Error("logger must implement log, warn and error methods");
    }
    var KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
    function checkKeyword(keyword, def) {
      const { RULES } = this;
      (0, util_1.eachItem)(keyword, (kwd) => {
        if (RULES.keywords[kwd])
          throw new Error(`Keyword ${kwd} is already defined`);
        if (!KEYWORD_NAME.test(kwd))
          throw new Error(`Keyword ${kwd} has invalid name`);
      });
      if (!def)
        return;
      if (def.$data && !("code" in def || "validate" in def)) {
        throw new Error('$data keyword must have "code" or "validate" function');
      }
    }
    function addRule(keyword, definition, dataType) {
      var _a;
      const post = definition === null || definition === void 0 ? void 0 : definition.post;
      if (dataType && post)
        throw new Error('keyword with "post" flag cannot have "type"');
      const { RULES } = this;
      let ruleGroup = post ? RULES.post : RULES.rules.find(({ type: t }) => t === dataType);
      if (!ruleGroup) {
        ruleGroup = { type: dataType, rules: [] };
        RULES.rules.push(ruleGroup);
      }
      RULES.keywords[keyword] = true;
      if (!definition)
        return;
      const rule = {
        keyword,
        definition: {
          ...definition,
          type: (0, dataType_1.getJSONTypes)(definition.type),
          schemaType: (0, dataType_1.getJSONTypes)(definition.schemaType)
        }
      };
      if (definition.before)
        addBeforeRule.call(this, ruleGroup, rule, definition.before);
      else
        ruleGroup.rules.push(rule);
      RULES.all[keyword] = rule;
      (_a = definition.implements) === null || _a === void 0 ? void 0 : _a.forEach((kwd) => this.addKeyword(kwd));
    }
    function addBeforeRule(ruleGroup, rule, before) {
      const i = ruleGroup.rules.findIndex((_rule) => _rule.keyword === before);
      if (i >= 0) {
        ruleGroup.rules.splice(i, 0, rule);
      } else {
        ruleGroup.rules.push(rule);
        this.logger.warn(`rule ${before} is not defined`);
      }
    }
    function keywordMetaschema(def) {
      let { metaSchema } = def;
      if (metaSchema === void 0)
        return;
      if (def.$data && this.opts.$data)
        metaSchema = schemaOrData(metaSchema);
      def.validateSchema = this.compile(metaSchema, true);
    }
    var $dataRef = {
      $ref: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#"
    };
    function schemaOrData(schema) {
      return { anyOf: [schema, $dataRef] };
    }
  }
});

// node_modules/ajv/dist/vocabularies/core/id.js
var require_id = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/id.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var def = {
      keyword: "id",
      code() {
        throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/ref.js
var require_ref = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/ref.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.callRef = exports.getValidate = void 0;
    var ref_error_1 = require_ref_error();
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var util_1 = require_util();
    var def = {
      keyword: "$ref",
      schemaType: "string",
      code(cxt) {
        const { gen, schema: $ref, it } = cxt;
        const { baseId, schemaEnv: env, validateName, opts, self } = it;
        const { root } = env;
        if (($ref === "#" || $ref === "#/") && baseId === root.baseId)
          return callRootRef();
        const schOrEnv = compile_1.resolveRef.call(self, root, baseId, $ref);
        if (schOrEnv === void 0)
          throw new ref_error_1.default(it.opts.uriResolver, baseId, $ref);
        if (schOrEnv instanceof compile_1.SchemaEnv)
          return callValidate(schOrEnv);
        return inlineRefSchema(schOrEnv);
        function callRootRef() {
          if (env === root)
            return callRef(cxt, validateName, env, env.$async);
          const rootName = gen.scopeValue("root", { ref: root });
          return callRef(cxt, (0, codegen_1._)`${rootName}.validate`, root, root.$async);
        }
        function callValidate(sch) {
          const v = getValidate(cxt, sch);
          callRef(cxt, v, sch, sch.$async);
        }
        function inlineRefSchema(sch) {
          const schName = gen.scopeValue("schema", opts.code.source === true ? { ref: sch, code: (0, codegen_1.stringify)(sch) } : { ref: sch });
          const valid = gen.name("valid");
          const schCxt = cxt.subschema({
            schema: sch,
            dataTypes: [],
            schemaPath: codegen_1.nil,
            topSchemaRef: schName,
            errSchemaPath: $ref
          }, valid);
          cxt.mergeEvaluated(schCxt);
          cxt.ok(valid);
        }
      }
    };
    function getValidate(cxt, sch) {
      const { gen } = cxt;
      return sch.validate ? gen.scopeValue("validate", { ref: sch.validate }) : (0, codegen_1._)`${gen.scopeValue("wrapper", { ref: sch })}.validate`;
    }
    exports.getValidate = getValidate;
    function callRef(cxt, v, sch, $async) {
      const { gen, it } = cxt;
      const { allErrors, schemaEnv: env, opts } = it;
      const passCxt = opts.passContext ? names_1.default.this : codegen_1.nil;
      if ($async)
        callAsyncRef();
      else
        callSyncRef();
      function callAsyncRef() {
        if (!env.$async)
          throw new Error("async schema referenced by sync schema");
        const valid = gen.let("valid");
        gen.try(() => {
          gen.code((0, codegen_1._)`await ${(0, code_1.callValidateCode)(cxt, v, passCxt)}`);
          addEvaluatedFrom(v);
          if (!allErrors)
            gen.assign(valid, true);
        }, (e) => {
          gen.if((0, codegen_1._)`!(${e} instanceof ${it.ValidationError})`, () => gen.throw(e));
          addErrorsFrom(e);
          if (!allErrors)
            gen.assign(valid, false);
        });
        cxt.ok(valid);
      }
      function callSyncRef() {
        cxt.result((0, code_1.callValidateCode)(cxt, v, passCxt), () => addEvaluatedFrom(v), () => addErrorsFrom(v));
      }
      function addErrorsFrom(source) {
        const errs = (0, codegen_1._)`${source}.errors`;
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`);
        gen.assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
      }
      function addEvaluatedFrom(source) {
        var _a;
        if (!it.opts.unevaluated)
          return;
        const schEvaluated = (_a = sch === null || sch === void 0 ? void 0 : sch.validate) === null || _a === void 0 ? void 0 : _a.evaluated;
        if (it.props !== true) {
          if (schEvaluated && !schEvaluated.dynamicProps) {
            if (schEvaluated.props !== void 0) {
              it.props = util_1.mergeEvaluated.props(gen, schEvaluated.props, it.props);
            }
          } else {
            const props = gen.var("props", (0, codegen_1._)`${source}.evaluated.props`);
            it.props = util_1.mergeEvaluated.props(gen, props, it.props, codegen_1.Name);
          }
        }
        if (it.items !== true) {
          if (schEvaluated && !schEvaluated.dynamicItems) {
            if (schEvaluated.items !== void 0) {
              it.items = util_1.mergeEvaluated.items(gen, schEvaluated.items, it.items);
            }
          } else {
            const items = gen.var("items", (0, codegen_1._)`${source}.evaluated.items`);
            it.items = util_1.mergeEvaluated.items(gen, items, it.items, codegen_1.Name);
          }
        }
      }
    }
    exports.callRef = callRef;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/index.js
var require_core2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var id_1 = require_id();
    var ref_1 = require_ref();
    var core = [
      "$schema",
      "$id",
      "$defs",
      "$vocabulary",
      { keyword: "$comment" },
      "definitions",
      id_1.default,
      ref_1.default
    ];
    exports.default = core;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitNumber.js
var require_limitNumber = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitNumber.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var ops = codegen_1.operators;
    var KWDs = {
      maximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
      minimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
      exclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
      exclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE }
    };
    var error = {
      message: ({ keyword, schemaCode }) => (0, codegen_1.str)`must be ${KWDs[keyword].okStr} ${schemaCode}`,
      params: ({ keyword, schemaCode }) => (0, codegen_1._)`{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`
    };
    var def = {
      keyword: Object.keys(KWDs),
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        cxt.fail$data((0, codegen_1._)`${data} ${KWDs[keyword].fail} ${schemaCode} || isNaN(${data})`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/multipleOf.js
var require_multipleOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/multipleOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must be multiple of ${schemaCode}`,
      params: ({ schemaCode }) => (0, codegen_1._)`{multipleOf: ${schemaCode}}`
    };
    var def = {
      keyword: "multipleOf",
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, schemaCode, it } = cxt;
        const prec = it.opts.multipleOfPrecision;
        const res = gen.let("res");
        const invalid = prec ? (0, codegen_1._)`Math.abs(Math.round(${res}) - ${res}) > 1e-${prec}` : (0, codegen_1._)`${res} !== parseInt(${res})`;
        cxt.fail$data((0, codegen_1._)`(${schemaCode} === 0 || (${res} = ${data}/${schemaCode}, ${invalid}))`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value2;
      while (pos < len) {
        length++;
        value2 = str.charCodeAt(pos++);
        if (value2 >= 55296 && value2 <= 56319 && pos < len) {
          value2 = str.charCodeAt(pos);
          if ((value2 & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitLength.js
var require_limitLength = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitLength.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var ucs2length_1 = require_ucs2length();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxLength" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} characters`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxLength", "minLength"],
      type: "string",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode, it } = cxt;
        const op = keyword === "maxLength" ? codegen_1.operators.GT : codegen_1.operators.LT;
        const len = it.opts.unicode === false ? (0, codegen_1._)`${data}.length` : (0, codegen_1._)`${(0, util_1.useFunc)(cxt.gen, ucs2length_1.default)}(${data})`;
        cxt.fail$data((0, codegen_1._)`${len} ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/pattern.js
var require_pattern = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/pattern.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var util_1 = require_util();
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match pattern "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{pattern: ${schemaCode}}`
    };
    var def = {
      keyword: "pattern",
      type: "string",
      schemaType: "string",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const u = it.opts.unicodeRegExp ? "u" : "";
        if ($data) {
          const { regExp } = it.opts.code;
          const regExpCode = regExp.code === "new RegExp" ? (0, codegen_1._)`new RegExp` : (0, util_1.useFunc)(gen, regExp);
          const valid = gen.let("valid");
          gen.try(() => gen.assign(valid, (0, codegen_1._)`${regExpCode}(${schemaCode}, ${u}).test(${data})`), () => gen.assign(valid, false));
          cxt.fail$data((0, codegen_1._)`!${valid}`);
        } else {
          const regExp = (0, code_1.usePattern)(cxt, schema);
          cxt.fail$data((0, codegen_1._)`!${regExp}.test(${data})`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitProperties.js
var require_limitProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxProperties" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} properties`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxProperties", "minProperties"],
      type: "object",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxProperties" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`Object.keys(${data}).length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/required.js
var require_required = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/required.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { missingProperty } }) => (0, codegen_1.str)`must have required property '${missingProperty}'`,
      params: ({ params: { missingProperty } }) => (0, codegen_1._)`{missingProperty: ${missingProperty}}`
    };
    var def = {
      keyword: "required",
      type: "object",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, schema, schemaCode, data, $data, it } = cxt;
        const { opts } = it;
        if (!$data && schema.length === 0)
          return;
        const useLoop = schema.length >= opts.loopRequired;
        if (it.allErrors)
          allErrorsMode();
        else
          exitOnErrorMode();
        if (opts.strictRequired) {
          const props = cxt.parentSchema.properties;
          const { definedProperties } = cxt.it;
          for (const requiredKey of schema) {
            if ((props === null || props === void 0 ? void 0 : props[requiredKey]) === void 0 && !definedProperties.has(requiredKey)) {
              const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
              const msg = `required property "${requiredKey}" is not defined at "${schemaPath}" (strictRequired)`;
              (0, util_1.checkStrictMode)(it, msg, it.opts.strictRequired);
            }
          }
        }
        function allErrorsMode() {
          if (useLoop || $data) {
            cxt.block$data(codegen_1.nil, loopAllRequired);
          } else {
            for (const prop of schema) {
              (0, code_1.checkReportMissingProp)(cxt, prop);
            }
          }
        }
        function exitOnErrorMode() {
          const missing = gen.let("missing");
          if (useLoop || $data) {
            const valid = gen.let("valid", true);
            cxt.block$data(valid, () => loopUntilMissing(missing, valid));
            cxt.ok(valid);
          } else {
            gen.if((0, code_1.checkMissingProp)(cxt, schema, missing));
            (0, code_1.reportMissingProp)(cxt, missing);
            gen.else();
          }
        }
        function loopAllRequired() {
          gen.forOf("prop", schemaCode, (prop) => {
            cxt.setParams({ missingProperty: prop });
            gen.if((0, code_1.noPropertyInData)(gen, data, prop, opts.ownProperties), () => cxt.error());
          });
        }
        function loopUntilMissing(missing, valid) {
          cxt.setParams({ missingProperty: missing });
          gen.forOf(missing, schemaCode, () => {
            gen.assign(valid, (0, code_1.propertyInData)(gen, data, missing, opts.ownProperties));
            gen.if((0, codegen_1.not)(valid), () => {
              cxt.error();
              gen.break();
            });
          }, codegen_1.nil);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitItems.js
var require_limitItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxItems" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} items`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxItems", "minItems"],
      type: "array",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxItems" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`${data}.length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "node_modules/ajv/dist/runtime/equal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var equal2 = require_fast_deep_equal();
    equal2.code = 'require("ajv/dist/runtime/equal").default';
    exports.default = equal2;
  }
});

// node_modules/ajv/dist/vocabularies/validation/uniqueItems.js
var require_uniqueItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/uniqueItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dataType_1 = require_dataType();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: ({ params: { i, j } }) => (0, codegen_1.str)`must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
      params: ({ params: { i, j } }) => (0, codegen_1._)`{i: ${i}, j: ${j}}`
    };
    var def = {
      keyword: "uniqueItems",
      type: "array",
      schemaType: "boolean",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, parentSchema, schemaCode, it } = cxt;
        if (!$data && !schema)
          return;
        const valid = gen.let("valid");
        const itemTypes = parentSchema.items ? (0, dataType_1.getSchemaTypes)(parentSchema.items) : [];
        cxt.block$data(valid, validateUniqueItems, (0, codegen_1._)`${schemaCode} === false`);
        cxt.ok(valid);
        function validateUniqueItems() {
          const i = gen.let("i", (0, codegen_1._)`${data}.length`);
          const j = gen.let("j");
          cxt.setParams({ i, j });
          gen.assign(valid, true);
          gen.if((0, codegen_1._)`${i} > 1`, () => (canOptimize() ? loopN : loopN2)(i, j));
        }
        function canOptimize() {
          return itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
        }
        function loopN(i, j) {
          const item = gen.name("item");
          const wrongType = (0, dataType_1.checkDataTypes)(itemTypes, item, it.opts.strictNumbers, dataType_1.DataType.Wrong);
          const indices = gen.const("indices", (0, codegen_1._)`{}`);
          gen.for((0, codegen_1._)`;${i}--;`, () => {
            gen.let(item, (0, codegen_1._)`${data}[${i}]`);
            gen.if(wrongType, (0, codegen_1._)`continue`);
            if (itemTypes.length > 1)
              gen.if((0, codegen_1._)`typeof ${item} == "string"`, (0, codegen_1._)`${item} += "_"`);
            gen.if((0, codegen_1._)`typeof ${indices}[${item}] == "number"`, () => {
              gen.assign(j, (0, codegen_1._)`${indices}[${item}]`);
              cxt.error();
              gen.assign(valid, false).break();
            }).code((0, codegen_1._)`${indices}[${item}] = ${i}`);
          });
        }
        function loopN2(i, j) {
          const eql = (0, util_1.useFunc)(gen, equal_1.default);
          const outer = gen.name("outer");
          gen.label(outer).for((0, codegen_1._)`;${i}--;`, () => gen.for((0, codegen_1._)`${j} = ${i}; ${j}--;`, () => gen.if((0, codegen_1._)`${eql}(${data}[${i}], ${data}[${j}])`, () => {
            cxt.error();
            gen.assign(valid, false).break(outer);
          })));
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/const.js
var require_const = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/const.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to constant",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValue: ${schemaCode}}`
    };
    var def = {
      keyword: "const",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schemaCode, schema } = cxt;
        if ($data || schema && typeof schema == "object") {
          cxt.fail$data((0, codegen_1._)`!${(0, util_1.useFunc)(gen, equal_1.default)}(${data}, ${schemaCode})`);
        } else {
          cxt.fail((0, codegen_1._)`${schema} !== ${data}`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/enum.js
var require_enum = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/enum.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to one of the allowed values",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValues: ${schemaCode}}`
    };
    var def = {
      keyword: "enum",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        if (!$data && schema.length === 0)
          throw new Error("enum must have non-empty array");
        const useLoop = schema.length >= it.opts.loopEnum;
        let eql;
        const getEql = () => eql !== null && eql !== void 0 ? eql : eql = (0, util_1.useFunc)(gen, equal_1.default);
        let valid;
        if (useLoop || $data) {
          valid = gen.let("valid");
          cxt.block$data(valid, loopEnum);
        } else {
          if (!Array.isArray(schema))
            throw new Error("ajv implementation error");
          const vSchema = gen.const("vSchema", schemaCode);
          valid = (0, codegen_1.or)(...schema.map((_x, i) => equalCode(vSchema, i)));
        }
        cxt.pass(valid);
        function loopEnum() {
          gen.assign(valid, false);
          gen.forOf("v", schemaCode, (v) => gen.if((0, codegen_1._)`${getEql()}(${data}, ${v})`, () => gen.assign(valid, true).break()));
        }
        function equalCode(vSchema, i) {
          const sch = schema[i];
          return typeof sch === "object" && sch !== null ? (0, codegen_1._)`${getEql()}(${data}, ${vSchema}[${i}])` : (0, codegen_1._)`${data} === ${sch}`;
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/index.js
var require_validation = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var limitNumber_1 = require_limitNumber();
    var multipleOf_1 = require_multipleOf();
    var limitLength_1 = require_limitLength();
    var pattern_1 = require_pattern();
    var limitProperties_1 = require_limitProperties();
    var required_1 = require_required();
    var limitItems_1 = require_limitItems();
    var uniqueItems_1 = require_uniqueItems();
    var const_1 = require_const();
    var enum_1 = require_enum();
    var validation = [
      // number
      limitNumber_1.default,
      multipleOf_1.default,
      // string
      limitLength_1.default,
      pattern_1.default,
      // object
      limitProperties_1.default,
      required_1.default,
      // array
      limitItems_1.default,
      uniqueItems_1.default,
      // any
      { keyword: "type", schemaType: ["string", "array"] },
      { keyword: "nullable", schemaType: "boolean" },
      const_1.default,
      enum_1.default
    ];
    exports.default = validation;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalItems.js
var require_additionalItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateAdditionalItems = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "additionalItems",
      type: "array",
      schemaType: ["boolean", "object"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { parentSchema, it } = cxt;
        const { items } = parentSchema;
        if (!Array.isArray(items)) {
          (0, util_1.checkStrictMode)(it, '"additionalItems" is ignored when "items" is not an array of schemas');
          return;
        }
        validateAdditionalItems(cxt, items);
      }
    };
    function validateAdditionalItems(cxt, items) {
      const { gen, schema, data, keyword, it } = cxt;
      it.items = true;
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      if (schema === false) {
        cxt.setParams({ len: items.length });
        cxt.pass((0, codegen_1._)`${len} <= ${items.length}`);
      } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
        const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items.length}`);
        gen.if((0, codegen_1.not)(valid), () => validateItems(valid));
        cxt.ok(valid);
      }
      function validateItems(valid) {
        gen.forRange("i", items.length, len, (i) => {
          cxt.subschema({ keyword, dataProp: i, dataPropType: util_1.Type.Num }, valid);
          if (!it.allErrors)
            gen.if((0, codegen_1.not)(valid), () => gen.break());
        });
      }
    }
    exports.validateAdditionalItems = validateAdditionalItems;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items.js
var require_items = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateTuple = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "array", "boolean"],
      before: "uniqueItems",
      code(cxt) {
        const { schema, it } = cxt;
        if (Array.isArray(schema))
          return validateTuple(cxt, "additionalItems", schema);
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    function validateTuple(cxt, extraItems, schArr = cxt.schema) {
      const { gen, parentSchema, data, keyword, it } = cxt;
      checkStrictTuple(parentSchema);
      if (it.opts.unevaluated && schArr.length && it.items !== true) {
        it.items = util_1.mergeEvaluated.items(gen, schArr.length, it.items);
      }
      const valid = gen.name("valid");
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      schArr.forEach((sch, i) => {
        if ((0, util_1.alwaysValidSchema)(it, sch))
          return;
        gen.if((0, codegen_1._)`${len} > ${i}`, () => cxt.subschema({
          keyword,
          schemaProp: i,
          dataProp: i
        }, valid));
        cxt.ok(valid);
      });
      function checkStrictTuple(sch) {
        const { opts, errSchemaPath } = it;
        const l = schArr.length;
        const fullTuple = l === sch.minItems && (l === sch.maxItems || sch[extraItems] === false);
        if (opts.strictTuples && !fullTuple) {
          const msg = `"${keyword}" is ${l}-tuple, but minItems or maxItems/${extraItems} are not specified or different at path "${errSchemaPath}"`;
          (0, util_1.checkStrictMode)(it, msg, opts.strictTuples);
        }
      }
    }
    exports.validateTuple = validateTuple;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/prefixItems.js
var require_prefixItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/prefixItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var items_1 = require_items();
    var def = {
      keyword: "prefixItems",
      type: "array",
      schemaType: ["array"],
      before: "uniqueItems",
      code: (cxt) => (0, items_1.validateTuple)(cxt, "items")
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items2020.js
var require_items2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items2020.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var additionalItems_1 = require_additionalItems();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { schema, parentSchema, it } = cxt;
        const { prefixItems } = parentSchema;
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        if (prefixItems)
          (0, additionalItems_1.validateAdditionalItems)(cxt, prefixItems);
        else
          cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/contains.js
var require_contains = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/contains.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1.str)`must contain at least ${min} valid item(s)` : (0, codegen_1.str)`must contain at least ${min} and no more than ${max} valid item(s)`,
      params: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1._)`{minContains: ${min}}` : (0, codegen_1._)`{minContains: ${min}, maxContains: ${max}}`
    };
    var def = {
      keyword: "contains",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        let min;
        let max;
        const { minContains, maxContains } = parentSchema;
        if (it.opts.next) {
          min = minContains === void 0 ? 1 : minContains;
          max = maxContains;
        } else {
          min = 1;
        }
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        cxt.setParams({ min, max });
        if (max === void 0 && min === 0) {
          (0, util_1.checkStrictMode)(it, `"minContains" == 0 without "maxContains": "contains" keyword ignored`);
          return;
        }
        if (max !== void 0 && min > max) {
          (0, util_1.checkStrictMode)(it, `"minContains" > "maxContains" is always invalid`);
          cxt.fail();
          return;
        }
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          let cond = (0, codegen_1._)`${len} >= ${min}`;
          if (max !== void 0)
            cond = (0, codegen_1._)`${cond} && ${len} <= ${max}`;
          cxt.pass(cond);
          return;
        }
        it.items = true;
        const valid = gen.name("valid");
        if (max === void 0 && min === 1) {
          validateItems(valid, () => gen.if(valid, () => gen.break()));
        } else if (min === 0) {
          gen.let(valid, true);
          if (max !== void 0)
            gen.if((0, codegen_1._)`${data}.length > 0`, validateItemsWithCount);
        } else {
          gen.let(valid, false);
          validateItemsWithCount();
        }
        cxt.result(valid, () => cxt.reset());
        function validateItemsWithCount() {
          const schValid = gen.name("_valid");
          const count2 = gen.let("count", 0);
          validateItems(schValid, () => gen.if(schValid, () => checkLimits(count2)));
        }
        function validateItems(_valid, block) {
          gen.forRange("i", 0, len, (i) => {
            cxt.subschema({
              keyword: "contains",
              dataProp: i,
              dataPropType: util_1.Type.Num,
              compositeRule: true
            }, _valid);
            block();
          });
        }
        function checkLimits(count2) {
          gen.code((0, codegen_1._)`${count2}++`);
          if (max === void 0) {
            gen.if((0, codegen_1._)`${count2} >= ${min}`, () => gen.assign(valid, true).break());
          } else {
            gen.if((0, codegen_1._)`${count2} > ${max}`, () => gen.assign(valid, false).break());
            if (min === 1)
              gen.assign(valid, true);
            else
              gen.if((0, codegen_1._)`${count2} >= ${min}`, () => gen.assign(valid, true));
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependencies.js
var require_dependencies = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependencies.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateSchemaDeps = exports.validatePropertyDeps = exports.error = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    exports.error = {
      message: ({ params: { property, depsCount, deps } }) => {
        const property_ies = depsCount === 1 ? "property" : "properties";
        return (0, codegen_1.str)`must have ${property_ies} ${deps} when property ${property} is present`;
      },
      params: ({ params: { property, depsCount, deps, missingProperty } }) => (0, codegen_1._)`{property: ${property},
    missingProperty: ${missingProperty},
    depsCount: ${depsCount},
    deps: ${deps}}`
      // TODO change to reference
    };
    var def = {
      keyword: "dependencies",
      type: "object",
      schemaType: "object",
      error: exports.error,
      code(cxt) {
        const [propDeps, schDeps] = splitDependencies(cxt);
        validatePropertyDeps(cxt, propDeps);
        validateSchemaDeps(cxt, schDeps);
      }
    };
    function splitDependencies({ schema }) {
      const propertyDeps = {};
      const schemaDeps = {};
      for (const key in schema) {
        if (key === "__proto__")
          continue;
        const deps = Array.isArray(schema[key]) ? propertyDeps : schemaDeps;
        deps[key] = schema[key];
      }
      return [propertyDeps, schemaDeps];
    }
    function validatePropertyDeps(cxt, propertyDeps = cxt.schema) {
      const { gen, data, it } = cxt;
      if (Object.keys(propertyDeps).length === 0)
        return;
      const missing = gen.let("missing");
      for (const prop in propertyDeps) {
        const deps = propertyDeps[prop];
        if (deps.length === 0)
          continue;
        const hasProperty = (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties);
        cxt.setParams({
          property: prop,
          depsCount: deps.length,
          deps: deps.join(", ")
        });
        if (it.allErrors) {
          gen.if(hasProperty, () => {
            for (const depProp of deps) {
              (0, code_1.checkReportMissingProp)(cxt, depProp);
            }
          });
        } else {
          gen.if((0, codegen_1._)`${hasProperty} && (${(0, code_1.checkMissingProp)(cxt, deps, missing)})`);
          (0, code_1.reportMissingProp)(cxt, missing);
          gen.else();
        }
      }
    }
    exports.validatePropertyDeps = validatePropertyDeps;
    function validateSchemaDeps(cxt, schemaDeps = cxt.schema) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      for (const prop in schemaDeps) {
        if ((0, util_1.alwaysValidSchema)(it, schemaDeps[prop]))
          continue;
        gen.if(
          (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties),
          () => {
            const schCxt = cxt.subschema({ keyword, schemaProp: prop }, valid);
            cxt.mergeValidEvaluated(schCxt, valid);
          },
          () => gen.var(valid, true)
          // TODO var
        );
        cxt.ok(valid);
      }
    }
    exports.validateSchemaDeps = validateSchemaDeps;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/propertyNames.js
var require_propertyNames = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/propertyNames.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "property name must be valid",
      params: ({ params }) => (0, codegen_1._)`{propertyName: ${params.propertyName}}`
    };
    var def = {
      keyword: "propertyNames",
      type: "object",
      schemaType: ["object", "boolean"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        const valid = gen.name("valid");
        gen.forIn("key", data, (key) => {
          cxt.setParams({ propertyName: key });
          cxt.subschema({
            keyword: "propertyNames",
            data: key,
            dataTypes: ["string"],
            propertyName: key,
            compositeRule: true
          }, valid);
          gen.if((0, codegen_1.not)(valid), () => {
            cxt.error(true);
            if (!it.allErrors)
              gen.break();
          });
        });
        cxt.ok(valid);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js
var require_additionalProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var util_1 = require_util();
    var error = {
      message: "must NOT have additional properties",
      params: ({ params }) => (0, codegen_1._)`{additionalProperty: ${params.additionalProperty}}`
    };
    var def = {
      keyword: "additionalProperties",
      type: ["object"],
      schemaType: ["boolean", "object"],
      allowUndefined: true,
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, opts } = it;
        it.props = true;
        if (opts.removeAdditional !== "all" && (0, util_1.alwaysValidSchema)(it, schema))
          return;
        const props = (0, code_1.allSchemaProperties)(parentSchema.properties);
        const patProps = (0, code_1.allSchemaProperties)(parentSchema.patternProperties);
        checkAdditionalProperties();
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function checkAdditionalProperties() {
          gen.forIn("key", data, (key) => {
            if (!props.length && !patProps.length)
              additionalPropertyCode(key);
            else
              gen.if(isAdditional(key), () => additionalPropertyCode(key));
          });
        }
        function isAdditional(key) {
          let definedProp;
          if (props.length > 8) {
            const propsSchema = (0, util_1.schemaRefOrVal)(it, parentSchema.properties, "properties");
            definedProp = (0, code_1.isOwnProperty)(gen, propsSchema, key);
          } else if (props.length) {
            definedProp = (0, codegen_1.or)(...props.map((p) => (0, codegen_1._)`${key} === ${p}`));
          } else {
            definedProp = codegen_1.nil;
          }
          if (patProps.length) {
            definedProp = (0, codegen_1.or)(definedProp, ...patProps.map((p) => (0, codegen_1._)`${(0, code_1.usePattern)(cxt, p)}.test(${key})`));
          }
          return (0, codegen_1.not)(definedProp);
        }
        function deleteAdditional(key) {
          gen.code((0, codegen_1._)`delete ${data}[${key}]`);
        }
        function additionalPropertyCode(key) {
          if (opts.removeAdditional === "all" || opts.removeAdditional && schema === false) {
            deleteAdditional(key);
            return;
          }
          if (schema === false) {
            cxt.setParams({ additionalProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            if (opts.removeAdditional === "failing") {
              applyAdditionalSchema(key, valid, false);
              gen.if((0, codegen_1.not)(valid), () => {
                cxt.reset();
                deleteAdditional(key);
              });
            } else {
              applyAdditionalSchema(key, valid);
              if (!allErrors)
                gen.if((0, codegen_1.not)(valid), () => gen.break());
            }
          }
        }
        function applyAdditionalSchema(key, valid, errors) {
          const subschema = {
            keyword: "additionalProperties",
            dataProp: key,
            dataPropType: util_1.Type.Str
          };
          if (errors === false) {
            Object.assign(subschema, {
              compositeRule: true,
              createErrors: false,
              allErrors: false
            });
          }
          cxt.subschema(subschema, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/properties.js
var require_properties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/properties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var validate_1 = require_validate();
    var code_1 = require_code2();
    var util_1 = require_util();
    var additionalProperties_1 = require_additionalProperties();
    var def = {
      keyword: "properties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        if (it.opts.removeAdditional === "all" && parentSchema.additionalProperties === void 0) {
          additionalProperties_1.default.code(new validate_1.KeywordCxt(it, additionalProperties_1.default, "additionalProperties"));
        }
        const allProps = (0, code_1.allSchemaProperties)(schema);
        for (const prop of allProps) {
          it.definedProperties.add(prop);
        }
        if (it.opts.unevaluated && allProps.length && it.props !== true) {
          it.props = util_1.mergeEvaluated.props(gen, (0, util_1.toHash)(allProps), it.props);
        }
        const properties = allProps.filter((p) => !(0, util_1.alwaysValidSchema)(it, schema[p]));
        if (properties.length === 0)
          return;
        const valid = gen.name("valid");
        for (const prop of properties) {
          if (hasDefault(prop)) {
            applyPropertySchema(prop);
          } else {
            gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties));
            applyPropertySchema(prop);
            if (!it.allErrors)
              gen.else().var(valid, true);
            gen.endIf();
          }
          cxt.it.definedProperties.add(prop);
          cxt.ok(valid);
        }
        function hasDefault(prop) {
          return it.opts.useDefaults && !it.compositeRule && schema[prop].default !== void 0;
        }
        function applyPropertySchema(prop) {
          cxt.subschema({
            keyword: "properties",
            schemaProp: prop,
            dataProp: prop
          }, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/patternProperties.js
var require_patternProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/patternProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var util_2 = require_util();
    var def = {
      keyword: "patternProperties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, data, parentSchema, it } = cxt;
        const { opts } = it;
        const patterns = (0, code_1.allSchemaProperties)(schema);
        const alwaysValidPatterns = patterns.filter((p) => (0, util_1.alwaysValidSchema)(it, schema[p]));
        if (patterns.length === 0 || alwaysValidPatterns.length === patterns.length && (!it.opts.unevaluated || it.props === true)) {
          return;
        }
        const checkProperties = opts.strictSchema && !opts.allowMatchingProperties && parentSchema.properties;
        const valid = gen.name("valid");
        if (it.props !== true && !(it.props instanceof codegen_1.Name)) {
          it.props = (0, util_2.evaluatedPropsToName)(gen, it.props);
        }
        const { props } = it;
        validatePatternProperties();
        function validatePatternProperties() {
          for (const pat of patterns) {
            if (checkProperties)
              checkMatchingProperties(pat);
            if (it.allErrors) {
              validateProperties(pat);
            } else {
              gen.var(valid, true);
              validateProperties(pat);
              gen.if(valid);
            }
          }
        }
        function checkMatchingProperties(pat) {
          for (const prop in checkProperties) {
            if (new RegExp(pat).test(prop)) {
              (0, util_1.checkStrictMode)(it, `property ${prop} matches pattern ${pat} (use allowMatchingProperties)`);
            }
          }
        }
        function validateProperties(pat) {
          gen.forIn("key", data, (key) => {
            gen.if((0, codegen_1._)`${(0, code_1.usePattern)(cxt, pat)}.test(${key})`, () => {
              const alwaysValid = alwaysValidPatterns.includes(pat);
              if (!alwaysValid) {
                cxt.subschema({
                  keyword: "patternProperties",
                  schemaProp: pat,
                  dataProp: key,
                  dataPropType: util_2.Type.Str
                }, valid);
              }
              if (it.opts.unevaluated && props !== true) {
                gen.assign((0, codegen_1._)`${props}[${key}]`, true);
              } else if (!alwaysValid && !it.allErrors) {
                gen.if((0, codegen_1.not)(valid), () => gen.break());
              }
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/not.js
var require_not = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/not.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "not",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      code(cxt) {
        const { gen, schema, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          cxt.fail();
          return;
        }
        const valid = gen.name("valid");
        cxt.subschema({
          keyword: "not",
          compositeRule: true,
          createErrors: false,
          allErrors: false
        }, valid);
        cxt.failResult(valid, () => cxt.reset(), () => cxt.error());
      },
      error: { message: "must NOT be valid" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/anyOf.js
var require_anyOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/anyOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var def = {
      keyword: "anyOf",
      schemaType: "array",
      trackErrors: true,
      code: code_1.validateUnion,
      error: { message: "must match a schema in anyOf" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/oneOf.js
var require_oneOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/oneOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "must match exactly one schema in oneOf",
      params: ({ params }) => (0, codegen_1._)`{passingSchemas: ${params.passing}}`
    };
    var def = {
      keyword: "oneOf",
      schemaType: "array",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        if (it.opts.discriminator && parentSchema.discriminator)
          return;
        const schArr = schema;
        const valid = gen.let("valid", false);
        const passing = gen.let("passing", null);
        const schValid = gen.name("_valid");
        cxt.setParams({ passing });
        gen.block(validateOneOf);
        cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
        function validateOneOf() {
          schArr.forEach((sch, i) => {
            let schCxt;
            if ((0, util_1.alwaysValidSchema)(it, sch)) {
              gen.var(schValid, true);
            } else {
              schCxt = cxt.subschema({
                keyword: "oneOf",
                schemaProp: i,
                compositeRule: true
              }, schValid);
            }
            if (i > 0) {
              gen.if((0, codegen_1._)`${schValid} && ${valid}`).assign(valid, false).assign(passing, (0, codegen_1._)`[${passing}, ${i}]`).else();
            }
            gen.if(schValid, () => {
              gen.assign(valid, true);
              gen.assign(passing, i);
              if (schCxt)
                cxt.mergeEvaluated(schCxt, codegen_1.Name);
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/allOf.js
var require_allOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/allOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "allOf",
      schemaType: "array",
      code(cxt) {
        const { gen, schema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        const valid = gen.name("valid");
        schema.forEach((sch, i) => {
          if ((0, util_1.alwaysValidSchema)(it, sch))
            return;
          const schCxt = cxt.subschema({ keyword: "allOf", schemaProp: i }, valid);
          cxt.ok(valid);
          cxt.mergeEvaluated(schCxt);
        });
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/if.js
var require_if = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/if.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params }) => (0, codegen_1.str)`must match "${params.ifClause}" schema`,
      params: ({ params }) => (0, codegen_1._)`{failingKeyword: ${params.ifClause}}`
    };
    var def = {
      keyword: "if",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, parentSchema, it } = cxt;
        if (parentSchema.then === void 0 && parentSchema.else === void 0) {
          (0, util_1.checkStrictMode)(it, '"if" without "then" and "else" is ignored');
        }
        const hasThen = hasSchema(it, "then");
        const hasElse = hasSchema(it, "else");
        if (!hasThen && !hasElse)
          return;
        const valid = gen.let("valid", true);
        const schValid = gen.name("_valid");
        validateIf();
        cxt.reset();
        if (hasThen && hasElse) {
          const ifClause = gen.let("ifClause");
          cxt.setParams({ ifClause });
          gen.if(schValid, validateClause("then", ifClause), validateClause("else", ifClause));
        } else if (hasThen) {
          gen.if(schValid, validateClause("then"));
        } else {
          gen.if((0, codegen_1.not)(schValid), validateClause("else"));
        }
        cxt.pass(valid, () => cxt.error(true));
        function validateIf() {
          const schCxt = cxt.subschema({
            keyword: "if",
            compositeRule: true,
            createErrors: false,
            allErrors: false
          }, schValid);
          cxt.mergeEvaluated(schCxt);
        }
        function validateClause(keyword, ifClause) {
          return () => {
            const schCxt = cxt.subschema({ keyword }, schValid);
            gen.assign(valid, schValid);
            cxt.mergeValidEvaluated(schCxt, valid);
            if (ifClause)
              gen.assign(ifClause, (0, codegen_1._)`${keyword}`);
            else
              cxt.setParams({ ifClause: keyword });
          };
        }
      }
    };
    function hasSchema(it, keyword) {
      const schema = it.schema[keyword];
      return schema !== void 0 && !(0, util_1.alwaysValidSchema)(it, schema);
    }
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/thenElse.js
var require_thenElse = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/thenElse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["then", "else"],
      schemaType: ["object", "boolean"],
      code({ keyword, parentSchema, it }) {
        if (parentSchema.if === void 0)
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "if" is ignored`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/index.js
var require_applicator = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var additionalItems_1 = require_additionalItems();
    var prefixItems_1 = require_prefixItems();
    var items_1 = require_items();
    var items2020_1 = require_items2020();
    var contains_1 = require_contains();
    var dependencies_1 = require_dependencies();
    var propertyNames_1 = require_propertyNames();
    var additionalProperties_1 = require_additionalProperties();
    var properties_1 = require_properties();
    var patternProperties_1 = require_patternProperties();
    var not_1 = require_not();
    var anyOf_1 = require_anyOf();
    var oneOf_1 = require_oneOf();
    var allOf_1 = require_allOf();
    var if_1 = require_if();
    var thenElse_1 = require_thenElse();
    function getApplicator(draft2020 = false) {
      const applicator = [
        // any
        not_1.default,
        anyOf_1.default,
        oneOf_1.default,
        allOf_1.default,
        if_1.default,
        thenElse_1.default,
        // object
        propertyNames_1.default,
        additionalProperties_1.default,
        dependencies_1.default,
        properties_1.default,
        patternProperties_1.default
      ];
      if (draft2020)
        applicator.push(prefixItems_1.default, items2020_1.default);
      else
        applicator.push(additionalItems_1.default, items_1.default);
      applicator.push(contains_1.default);
      return applicator;
    }
    exports.default = getApplicator;
  }
});

// node_modules/ajv/dist/vocabularies/format/format.js
var require_format = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/format.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match format "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{format: ${schemaCode}}`
    };
    var def = {
      keyword: "format",
      type: ["number", "string"],
      schemaType: "string",
      $data: true,
      error,
      code(cxt, ruleType) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const { opts, errSchemaPath, schemaEnv, self } = it;
        if (!opts.validateFormats)
          return;
        if ($data)
          validate$DataFormat();
        else
          validateFormat();
        function validate$DataFormat() {
          const fmts = gen.scopeValue("formats", {
            ref: self.formats,
            code: opts.code.formats
          });
          const fDef = gen.const("fDef", (0, codegen_1._)`${fmts}[${schemaCode}]`);
          const fType = gen.let("fType");
          const format = gen.let("format");
          gen.if((0, codegen_1._)`typeof ${fDef} == "object" && !(${fDef} instanceof RegExp)`, () => gen.assign(fType, (0, codegen_1._)`${fDef}.type || "string"`).assign(format, (0, codegen_1._)`${fDef}.validate`), () => gen.assign(fType, (0, codegen_1._)`"string"`).assign(format, fDef));
          cxt.fail$data((0, codegen_1.or)(unknownFmt(), invalidFmt()));
          function unknownFmt() {
            if (opts.strictSchema === false)
              return codegen_1.nil;
            return (0, codegen_1._)`${schemaCode} && !${format}`;
          }
          function invalidFmt() {
            const callFormat = schemaEnv.$async ? (0, codegen_1._)`(${fDef}.async ? await ${format}(${data}) : ${format}(${data}))` : (0, codegen_1._)`${format}(${data})`;
            const validData = (0, codegen_1._)`(typeof ${format} == "function" ? ${callFormat} : ${format}.test(${data}))`;
            return (0, codegen_1._)`${format} && ${format} !== true && ${fType} === ${ruleType} && !${validData}`;
          }
        }
        function validateFormat() {
          const formatDef = self.formats[schema];
          if (!formatDef) {
            unknownFormat();
            return;
          }
          if (formatDef === true)
            return;
          const [fmtType, format, fmtRef] = getFormat(formatDef);
          if (fmtType === ruleType)
            cxt.pass(validCondition());
          function unknownFormat() {
            if (opts.strictSchema === false) {
              self.logger.warn(unknownMsg());
              return;
            }
            throw new Error(unknownMsg());
            function unknownMsg() {
              return `unknown format "${schema}" ignored in schema at path "${errSchemaPath}"`;
            }
          }
          function getFormat(fmtDef) {
            const code = fmtDef instanceof RegExp ? (0, codegen_1.regexpCode)(fmtDef) : opts.code.formats ? (0, codegen_1._)`${opts.code.formats}${(0, codegen_1.getProperty)(schema)}` : void 0;
            const fmt = gen.scopeValue("formats", { key: schema, ref: fmtDef, code });
            if (typeof fmtDef == "object" && !(fmtDef instanceof RegExp)) {
              return [fmtDef.type || "string", fmtDef.validate, (0, codegen_1._)`${fmt}.validate`];
            }
            return ["string", fmtDef, fmt];
          }
          function validCondition() {
            if (typeof formatDef == "object" && !(formatDef instanceof RegExp) && formatDef.async) {
              if (!schemaEnv.$async)
                throw new Error("async format in sync schema");
              return (0, codegen_1._)`await ${fmtRef}(${data})`;
            }
            return typeof format == "function" ? (0, codegen_1._)`${fmtRef}(${data})` : (0, codegen_1._)`${fmtRef}.test(${data})`;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/format/index.js
var require_format2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var format_1 = require_format();
    var format = [format_1.default];
    exports.default = format;
  }
});

// node_modules/ajv/dist/vocabularies/metadata.js
var require_metadata = __commonJS({
  "node_modules/ajv/dist/vocabularies/metadata.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.contentVocabulary = exports.metadataVocabulary = void 0;
    exports.metadataVocabulary = [
      "title",
      "description",
      "default",
      "deprecated",
      "readOnly",
      "writeOnly",
      "examples"
    ];
    exports.contentVocabulary = [
      "contentMediaType",
      "contentEncoding",
      "contentSchema"
    ];
  }
});

// node_modules/ajv/dist/vocabularies/draft7.js
var require_draft7 = __commonJS({
  "node_modules/ajv/dist/vocabularies/draft7.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var core_1 = require_core2();
    var validation_1 = require_validation();
    var applicator_1 = require_applicator();
    var format_1 = require_format2();
    var metadata_1 = require_metadata();
    var draft7Vocabularies = [
      core_1.default,
      validation_1.default,
      (0, applicator_1.default)(),
      format_1.default,
      metadata_1.metadataVocabulary,
      metadata_1.contentVocabulary
    ];
    exports.default = draft7Vocabularies;
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/types.js
var require_types = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/types.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DiscrError = void 0;
    var DiscrError;
    (function(DiscrError2) {
      DiscrError2["Tag"] = "tag";
      DiscrError2["Mapping"] = "mapping";
    })(DiscrError || (exports.DiscrError = DiscrError = {}));
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/index.js
var require_discriminator = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var types_1 = require_types();
    var compile_1 = require_compile();
    var ref_error_1 = require_ref_error();
    var util_1 = require_util();
    var error = {
      message: ({ params: { discrError, tagName } }) => discrError === types_1.DiscrError.Tag ? `tag "${tagName}" must be string` : `value of tag "${tagName}" must be in oneOf`,
      params: ({ params: { discrError, tag, tagName } }) => (0, codegen_1._)`{error: ${discrError}, tag: ${tagName}, tagValue: ${tag}}`
    };
    var def = {
      keyword: "discriminator",
      type: "object",
      schemaType: "object",
      error,
      code(cxt) {
        const { gen, data, schema, parentSchema, it } = cxt;
        const { oneOf } = parentSchema;
        if (!it.opts.discriminator) {
          throw new Error("discriminator: requires discriminator option");
        }
        const tagName = schema.propertyName;
        if (typeof tagName != "string")
          throw new Error("discriminator: requires propertyName");
        if (schema.mapping)
          throw new Error("discriminator: mapping is not supported");
        if (!oneOf)
          throw new Error("discriminator: requires oneOf keyword");
        const valid = gen.let("valid", false);
        const tag = gen.const("tag", (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(tagName)}`);
        gen.if((0, codegen_1._)`typeof ${tag} == "string"`, () => validateMapping(), () => cxt.error(false, { discrError: types_1.DiscrError.Tag, tag, tagName }));
        cxt.ok(valid);
        function validateMapping() {
          const mapping4 = getMapping();
          gen.if(false);
          for (const tagValue in mapping4) {
            gen.elseIf((0, codegen_1._)`${tag} === ${tagValue}`);
            gen.assign(valid, applyTagSchema(mapping4[tagValue]));
          }
          gen.else();
          cxt.error(false, { discrError: types_1.DiscrError.Mapping, tag, tagName });
          gen.endIf();
        }
        function applyTagSchema(schemaProp) {
          const _valid = gen.name("valid");
          const schCxt = cxt.subschema({ keyword: "oneOf", schemaProp }, _valid);
          cxt.mergeEvaluated(schCxt, codegen_1.Name);
          return _valid;
        }
        function getMapping() {
          var _a;
          const oneOfMapping = {};
          const topRequired = hasRequired(parentSchema);
          let tagRequired = true;
          for (let i = 0; i < oneOf.length; i++) {
            let sch = oneOf[i];
            if ((sch === null || sch === void 0 ? void 0 : sch.$ref) && !(0, util_1.schemaHasRulesButRef)(sch, it.self.RULES)) {
              const ref = sch.$ref;
              sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref);
              if (sch instanceof compile_1.SchemaEnv)
                sch = sch.schema;
              if (sch === void 0)
                throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref);
            }
            const propSch = (_a = sch === null || sch === void 0 ? void 0 : sch.properties) === null || _a === void 0 ? void 0 : _a[tagName];
            if (typeof propSch != "object") {
              throw new Error(`discriminator: oneOf subschemas (or referenced schemas) must have "properties/${tagName}"`);
            }
            tagRequired = tagRequired && (topRequired || hasRequired(sch));
            addMappings(propSch, i);
          }
          if (!tagRequired)
            throw new Error(`discriminator: "${tagName}" must be required`);
          return oneOfMapping;
          function hasRequired({ required }) {
            return Array.isArray(required) && required.includes(tagName);
          }
          function addMappings(sch, i) {
            if (sch.const) {
              addMapping(sch.const, i);
            } else if (sch.enum) {
              for (const tagValue of sch.enum) {
                addMapping(tagValue, i);
              }
            } else {
              throw new Error(`discriminator: "properties/${tagName}" must have "const" or "enum"`);
            }
          }
          function addMapping(tagValue, i) {
            if (typeof tagValue != "string" || tagValue in oneOfMapping) {
              throw new Error(`discriminator: "${tagName}" values must be unique strings`);
            }
            oneOfMapping[tagValue] = i;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/refs/json-schema-draft-07.json
var require_json_schema_draft_07 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-draft-07.json"(exports, module) {
    module.exports = {
      $schema: "http://json-schema.org/draft-07/schema#",
      $id: "http://json-schema.org/draft-07/schema#",
      title: "Core schema meta-schema",
      definitions: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $ref: "#" }
        },
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          allOf: [{ $ref: "#/definitions/nonNegativeInteger" }, { default: 0 }]
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      },
      type: ["object", "boolean"],
      properties: {
        $id: {
          type: "string",
          format: "uri-reference"
        },
        $schema: {
          type: "string",
          format: "uri"
        },
        $ref: {
          type: "string",
          format: "uri-reference"
        },
        $comment: {
          type: "string"
        },
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        readOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        },
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/definitions/nonNegativeInteger" },
        minLength: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        additionalItems: { $ref: "#" },
        items: {
          anyOf: [{ $ref: "#" }, { $ref: "#/definitions/schemaArray" }],
          default: true
        },
        maxItems: { $ref: "#/definitions/nonNegativeInteger" },
        minItems: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        contains: { $ref: "#" },
        maxProperties: { $ref: "#/definitions/nonNegativeInteger" },
        minProperties: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        required: { $ref: "#/definitions/stringArray" },
        additionalProperties: { $ref: "#" },
        definitions: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        properties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependencies: {
          type: "object",
          additionalProperties: {
            anyOf: [{ $ref: "#" }, { $ref: "#/definitions/stringArray" }]
          }
        },
        propertyNames: { $ref: "#" },
        const: true,
        enum: {
          type: "array",
          items: true,
          minItems: 1,
          uniqueItems: true
        },
        type: {
          anyOf: [
            { $ref: "#/definitions/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/definitions/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        format: { type: "string" },
        contentMediaType: { type: "string" },
        contentEncoding: { type: "string" },
        if: { $ref: "#" },
        then: { $ref: "#" },
        else: { $ref: "#" },
        allOf: { $ref: "#/definitions/schemaArray" },
        anyOf: { $ref: "#/definitions/schemaArray" },
        oneOf: { $ref: "#/definitions/schemaArray" },
        not: { $ref: "#" }
      },
      default: true
    };
  }
});

// node_modules/ajv/dist/ajv.js
var require_ajv = __commonJS({
  "node_modules/ajv/dist/ajv.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv = void 0;
    var core_1 = require_core();
    var draft7_1 = require_draft7();
    var discriminator_1 = require_discriminator();
    var draft7MetaSchema = require_json_schema_draft_07();
    var META_SUPPORT_DATA = ["/properties"];
    var META_SCHEMA_ID = "http://json-schema.org/draft-07/schema";
    var Ajv5 = class extends core_1.default {
      _addVocabularies() {
        super._addVocabularies();
        draft7_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        if (!this.opts.meta)
          return;
        const metaSchema = this.opts.$data ? this.$dataMetaSchema(draft7MetaSchema, META_SUPPORT_DATA) : draft7MetaSchema;
        this.addMetaSchema(metaSchema, META_SCHEMA_ID, false);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports.Ajv = Ajv5;
    module.exports = exports = Ajv5;
    module.exports.Ajv = Ajv5;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = Ajv5;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// node_modules/commander/esm.mjs
var import_index = __toESM(require_commander(), 1);
var {
  program,
  createCommand,
  createArgument,
  createOption,
  CommanderError,
  InvalidArgumentError,
  InvalidOptionArgumentError,
  // deprecated old name
  Command,
  Argument,
  Option,
  Help
} = import_index.default;

// dist/engine/cli/execute.js
import { setMaxListeners } from "node:events";
import { homedir as homedir2 } from "node:os";
import { join as join7, resolve as resolve12 } from "node:path";

// dist/engine/load/inventory.js
import { dirname, resolve as resolve2 } from "node:path";

// dist/engine/load/keyword-check.js
var import_ajv = __toESM(require_ajv(), 1);

// dist/engine/schema/keywords.js
var TEMPLATE = "\\{\\{.*\\}\\}";
var templated = { type: "string", pattern: TEMPLATE };
var BOOLEAN_WORD = "^(?:[Yy](?:es)?|[Nn]o?|[Tt](?:rue)?|[Ff](?:alse)?|[Oo]n|[Oo]ff|YES|NO|TRUE|FALSE|ON|OFF|1|0)$";
var bool = {
  description: "a boolean (true/false, yes/no), or a template",
  anyOf: [{ type: "boolean" }, { enum: [0, 1] }, { type: "string", pattern: BOOLEAN_WORD }, templated]
};
var text = { description: "a string", type: "string" };
var stringList = {
  description: "a string or a list of strings",
  anyOf: [{ type: "string" }, { type: "number" }, { type: "array", items: { type: ["string", "number"] } }]
};
var conditions = {
  description: "a condition (an expression such as x == 1) or a list of conditions",
  anyOf: [{ type: "string" }, { type: "boolean" }, { type: "array", items: { type: ["string", "boolean"] } }]
};
var number = {
  description: "a number, or a template",
  anyOf: [{ type: "number" }, templated, { type: "string", pattern: "^\\s*\\d+(\\.\\d+)?\\s*$" }]
};
var mapping = { description: "a mapping (name: value lines)", type: "object" };
var taskList = { description: "a list of tasks", type: "array" };
var loopValue = { description: "a list, or a template that gives a list", anyOf: [{ type: "array" }, templated] };
var INHERITABLE_KEYWORDS = {
  name: text,
  when: conditions,
  tags: stringList,
  vars: mapping,
  become: bool,
  become_user: text,
  become_method: { description: "sudo (the only method cxplay supports)", enum: ["sudo"] },
  environment: { description: "a mapping of variable names to values, or a template", anyOf: [mapping, templated] },
  ignore_errors: bool,
  no_log: bool,
  run_once: bool,
  delegate_to: text,
  check_mode: bool,
  diff: bool,
  any_errors_fatal: bool,
  timeout: number,
  /** Harmless here: every module is built in. */
  collections: { description: "a list of collection names", type: "array" }
};
var TASK_KEYWORDS = {
  ...INHERITABLE_KEYWORDS,
  register: { description: "a variable name (letters, digits and _)", type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
  loop: loopValue,
  with_items: loopValue,
  with_list: loopValue,
  loop_control: {
    description: "a mapping with loop_var, index_var, label, pause or extended",
    type: "object",
    properties: {
      loop_var: { description: "a variable name", type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
      index_var: { description: "a variable name", type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
      label: text,
      pause: number,
      extended: bool
    },
    additionalProperties: false
  },
  notify: stringList,
  listen: stringList,
  changed_when: conditions,
  failed_when: conditions,
  until: conditions,
  retries: number,
  delay: number,
  args: { description: "a mapping of module arguments", type: "object" }
};
var BLOCK_KEYWORDS = { ...INHERITABLE_KEYWORDS, block: taskList, rescue: taskList, always: taskList };
var PLAY_KEYWORDS = {
  ...INHERITABLE_KEYWORDS,
  hosts: { description: "a host pattern (all, a group, a:b, a:!b) or a list of them", anyOf: [{ type: "string", minLength: 1 }, { type: "array", minItems: 1, items: { type: "string" } }] },
  vars_files: { description: "a file name or a list of file names", anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] },
  gather_facts: bool,
  /** Harmless here: facts are one fixed subset. */
  gather_subset: stringList,
  serial: {
    description: 'a number of hosts, a percentage such as "30%", or a list of them',
    anyOf: [{ type: "integer", minimum: 0 }, { type: "string", pattern: `^\\s*\\d+(\\.\\d+)?%?\\s*$|${TEMPLATE}` }, { type: "array", minItems: 1, items: { anyOf: [{ type: "integer", minimum: 0 }, { type: "string", pattern: `^\\s*\\d+(\\.\\d+)?%?\\s*$|${TEMPLATE}` }] } }]
  },
  strategy: { description: "linear or free", enum: ["linear", "free"] },
  max_fail_percentage: number,
  roles: { description: "a list of roles (names or mappings with role:)", type: "array" },
  tasks: taskList,
  pre_tasks: taskList,
  post_tasks: taskList,
  handlers: taskList
};
var ACTION_KEYWORDS = ["block", "include_tasks", "import_tasks", "include_role", "import_role", "meta"];
var INCLUDE_ARGUMENTS = {
  include_tasks: ["file", "_raw_params"],
  import_tasks: ["file", "_raw_params"],
  include_role: ["name", "tasks_from", "vars_from", "defaults_from", "handlers_from"],
  import_role: ["name", "tasks_from", "vars_from", "defaults_from", "handlers_from"]
};
var UNSUPPORTED_KEYWORDS = {
  async: "background tasks (async/poll) are not supported; run the command in the foreground",
  poll: "background tasks (async/poll) are not supported; run the command in the foreground",
  throttle: "throttle is not supported; use serial: on the play or --forks",
  connection: "the connection is chosen per host (ssh, or local for localhost); set ansible_connection in the inventory",
  remote_user: "set ansible_user in the inventory instead",
  vars_prompt: "prompts are not supported; pass the values with -e",
  order: "hosts always run in inventory order",
  force_handlers: "force_handlers is not supported",
  module_defaults: "module_defaults is not supported; write the arguments on each task",
  delegate_facts: "delegate_facts is not supported",
  ignore_unreachable: "ignore_unreachable is not supported",
  debugger: "the task debugger is not supported",
  local_action: "write the module as usual with delegate_to: localhost",
  action: "write the module name as the key (copy: ...) instead of action:",
  with_dict: 'use loop: "{{ mydict | dict2items }}"',
  with_fileglob: "with_fileglob is not supported; list the files with loop:",
  with_together: "with_together is not supported",
  with_nested: "with_nested is not supported",
  with_subelements: "with_subelements is not supported",
  with_sequence: "with_sequence is not supported; write the list with loop:",
  with_first_found: "with_first_found is not supported",
  with_indexed_items: "use loop: with loop_control: index_var",
  include: "the old 'include' is gone from Ansible too; use include_tasks or import_tasks",
  include_vars: "include_vars is not supported; use vars_files on the play"
};

// dist/engine/load/positions.js
var nodes = /* @__PURE__ */ new WeakMap();
var keys = /* @__PURE__ */ new WeakMap();
function recordPosition(node, at) {
  nodes.set(node, at);
}
function recordKeyPosition(node, key, at) {
  let map = keys.get(node);
  if (!map) {
    map = /* @__PURE__ */ new Map();
    keys.set(node, map);
  }
  map.set(key, at);
}
function positionOf(node, fallback) {
  return (node && typeof node === "object" ? nodes.get(node) : void 0) ?? fallback;
}
function keyPositionOf(node, key, fallback) {
  if (!node || typeof node !== "object")
    return fallback;
  return keys.get(node)?.get(key) ?? nodes.get(node) ?? fallback;
}

// dist/engine/load/suggest.js
function closest(word, candidates) {
  let best;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
function didYouMean(word, candidates) {
  const suggestion = closest(word, candidates);
  return suggestion ? ` \u2014 did you mean '${suggestion}'?` : "";
}
function editDistance(a, b) {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_2, j) => i === 0 ? j : j === 0 ? i : 0));
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

// dist/engine/load/keyword-check.js
var ajv = new import_ajv.Ajv({ allErrors: false, strict: false, validateSchema: false, code: { optimize: false } });
var validators = /* @__PURE__ */ new WeakMap();
function checkKnownKeywords(node, keywords, what, fallback, extra = []) {
  for (const key of Object.keys(node)) {
    if (key in keywords || extra.includes(key))
      continue;
    throw unknownKeyword(node, key, [...Object.keys(keywords), ...extra], what, fallback);
  }
}
function unknownKeyword(node, key, known, what, fallback) {
  const at = keyPositionOf(node, key, positionOf(node, fallback));
  const unsupported = UNSUPPORTED_KEYWORDS[key];
  if (unsupported)
    return new CxError(`${what} keyword '${key}' is not supported by cxplay`, { at, hint: unsupported });
  return new CxError(`unknown ${what} keyword '${key}'${didYouMean(key, known)}`, { at, hint: `a ${what} takes: ${[...known].sort().join(", ")}` });
}
function checkKeywordTypes(node, keywords, what, fallback) {
  for (const key of Object.keys(keywords)) {
    if (!Object.prototype.hasOwnProperty.call(node, key) || node[key] === null)
      continue;
    const validate = validatorFor(key, keywords[key]);
    if (!validate({ [key]: node[key] }))
      throw typeError(node, keywords, validate.errors[0], what, fallback);
  }
}
function validatorFor(key, schema) {
  let byKey = validators.get(schema);
  if (!byKey) {
    byKey = /* @__PURE__ */ new Map();
    validators.set(schema, byKey);
  }
  let validate = byKey.get(key);
  if (!validate) {
    validate = ajv.compile({ type: "object", properties: { [key]: schema } });
    byKey.set(key, validate);
  }
  return validate;
}
function typeError(node, keywords, error, what, fallback) {
  const [keyword, inner] = error.instancePath.split("/").slice(1);
  const keywordAt = keyPositionOf(node, keyword, fallback);
  const value2 = node[keyword];
  if (error.keyword === "additionalProperties") {
    const extra = String(error.params.additionalProperty);
    const allowed = Object.keys(keywords[keyword].properties ?? {});
    return new CxError(`unknown ${keyword} key '${extra}'${didYouMean(extra, allowed)}`, { at: keyPositionOf(value2, extra, keywordAt), hint: `${keyword} takes: ${allowed.join(", ")}` });
  }
  const properties = keywords[keyword].properties;
  if (inner !== void 0 && properties?.[inner]) {
    const schema = properties[inner];
    const innerValue = value2[inner];
    return new CxError(`${keyword} '${inner}' expects ${describe(schema)}, got ${describeValue(innerValue)}`, { at: keyPositionOf(value2, inner, keywordAt) });
  }
  return new CxError(`${what} keyword '${keyword}' expects ${describe(keywords[keyword])}, got ${describeValue(value2)}`, { at: keywordAt });
}
function describe(schema) {
  return typeof schema.description === "string" ? schema.description : "another value";
}
function describeValue(value2) {
  if (Array.isArray(value2))
    return "a list";
  if (value2 === null || value2 === void 0)
    return "nothing (null)";
  if (typeof value2 === "object")
    return "a mapping";
  return `${typeof value2} ${JSON.stringify(value2)}`;
}

// dist/engine/load/inventory-ini.js
import { extname } from "node:path";

// dist/engine/modules/lib/shlex.js
function splitCommandLine(text2) {
  const words = [];
  let current = "";
  let inWord = false;
  let quote2;
  for (let index = 0; index < text2.length; index += 1) {
    const char = text2[index];
    if (quote2 === "'") {
      if (char === "'")
        quote2 = void 0;
      else
        current += char;
    } else if (quote2 === '"') {
      if (char === '"')
        quote2 = void 0;
      else if (char === "\\" && ['"', "\\", "$", "`", "\n"].includes(text2[index + 1] ?? ""))
        current += text2[++index];
      else
        current += char;
    } else if (char === "'" || char === '"') {
      quote2 = char;
      inWord = true;
    } else if (char === "\\") {
      if (index + 1 < text2.length)
        current += text2[++index];
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord)
        words.push(current);
      current = "";
      inWord = false;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (quote2)
    throw new CxError(`no closing quotation in command: ${text2}`);
  if (inWord)
    words.push(current);
  return words;
}

// dist/engine/load/run-cache.js
var caches = [];
function runCache() {
  const cache4 = /* @__PURE__ */ new Map();
  caches.push(cache4);
  return cache4;
}

// dist/engine/load/yaml.js
var import_yaml = __toESM(require_dist(), 1);
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";

// dist/engine/load/yaml-scalars.js
var BOOL = "tag:yaml.org,2002:bool";
var INT = "tag:yaml.org,2002:int";
var FLOAT = "tag:yaml.org,2002:float";
var TIMESTAMP = "tag:yaml.org,2002:timestamp";
var REPLACED = /* @__PURE__ */ new Set([BOOL, INT, FLOAT, TIMESTAMP]);
var trueTag = {
  tag: BOOL,
  default: true,
  identify: (value2) => value2 === true,
  test: /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/,
  resolve: () => true
};
var falseTag = {
  tag: BOOL,
  default: true,
  identify: (value2) => value2 === false,
  test: /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/,
  resolve: () => false
};
var intTag = {
  tag: INT,
  default: true,
  identify: (value2) => typeof value2 === "number" && Number.isInteger(value2),
  test: /^(?:[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  resolve: resolveInt
};
var floatTag = {
  tag: FLOAT,
  default: true,
  identify: (value2) => typeof value2 === "number",
  test: /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  resolve: resolveFloat
};
function pyyamlTags(tags) {
  const kept = tags.filter((tag) => typeof tag === "string" || !REPLACED.has(tag.tag));
  return [...kept, trueTag, falseTag, intTag, floatTag];
}
function resolveInt(text2) {
  const { sign, digits } = splitSign(text2.replace(/_/g, ""));
  if (digits.includes(":"))
    return sign * sexagesimal(digits);
  if (digits.startsWith("0b"))
    return sign * parseInt(digits.slice(2), 2);
  if (digits.startsWith("0x"))
    return sign * parseInt(digits.slice(2), 16);
  if (digits.length > 1 && digits.startsWith("0"))
    return sign * parseInt(digits, 8);
  return sign * parseInt(digits, 10);
}
function resolveFloat(text2) {
  const { sign, digits } = splitSign(text2.replace(/_/g, "").toLowerCase());
  if (digits === ".inf")
    return sign * Infinity;
  if (digits === ".nan")
    return NaN;
  if (digits.includes(":"))
    return sign * sexagesimal(digits);
  return sign * parseFloat(digits);
}
function splitSign(text2) {
  if (text2.startsWith("-"))
    return { sign: -1, digits: text2.slice(1) };
  return { sign: 1, digits: text2.startsWith("+") ? text2.slice(1) : text2 };
}
function sexagesimal(text2) {
  return text2.split(":").reduce((total, part) => total * 60 + parseFloat(part), 0);
}

// dist/engine/load/yaml.js
var MAX_FILE_BYTES = 10 * 1024 * 1024;
var MAX_ALIAS_NODES = 1e4;
var MAX_DEPTH = 200;
var FORBIDDEN_KEYS = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
var STANDARD_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((name) => `tag:yaml.org,2002:${name}`));
var cache = runCache();
function loadYamlFile(file) {
  const path = resolve(file);
  if (cache.has(path))
    return cache.get(path);
  const value2 = parseYaml(readTextFile(path), path);
  cache.set(path, value2);
  return value2;
}
function readTextFile(file) {
  let size;
  try {
    const stat = statSync(file);
    if (stat.isDirectory())
      throw new CxError(`${file} is a directory, not a YAML file`, { at: { file } });
    size = stat.size;
  } catch (error) {
    if (error instanceof CxError)
      throw error;
    throw new CxError(`cannot read ${file}: ${readProblem(error)}`, { at: { file }, hint: "check the path" });
  }
  if (size > MAX_FILE_BYTES)
    throw tooLarge(file, size);
  return readFileSync(file, "utf8");
}
function readProblem(error) {
  const code = error.code;
  if (code === "ENOENT")
    return "no such file";
  if (code === "EACCES")
    return "permission denied";
  return error.message;
}
function tooLarge(file, size) {
  const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return new CxError(`${file} is ${mib(size)}; YAML files over ${mib(MAX_FILE_BYTES)} are refused`, {
    at: { file },
    hint: "split the data into smaller files"
  });
}
function parseYaml(source, file) {
  if (source.length > MAX_FILE_BYTES)
    throw tooLarge(file, source.length);
  const lineCounter = new import_yaml.LineCounter();
  const document = (0, import_yaml.parseDocument)(source, {
    version: "1.1",
    customTags: pyyamlTags,
    uniqueKeys: true,
    lineCounter,
    prettyErrors: false
  });
  const position = (offset) => ({ file, ...lineCounter.linePos(offset) });
  const problem = document.errors[0] ?? document.warnings.find((warning) => warning.code === "TAG_RESOLVE_FAILED");
  if (problem)
    throw yamlError(problem, source, position, document);
  return new Converter(document, position).convert(document.contents, 0);
}
function yamlError(error, source, position, document) {
  const at = position(error.pos[0]);
  const unclosed = error.code === "MISSING_CHAR" && /quote/.test(error.message) ? unclosedQuoteStart(document, error.pos[0]) : void 0;
  if (unclosed !== void 0) {
    return new CxError("a quoted value is never closed", { at: position(unclosed), hint: "add the closing quote on this line (a quoted value may run on for lines until it finds one)" });
  }
  switch (error.code) {
    case "DUPLICATE_KEY":
      return new CxError(`duplicate key '${keyTextAt(source, error.pos[0])}' in a mapping`, { at, hint: "remove or rename one of the two keys (YAML would silently keep only one)" });
    case "MULTIPLE_DOCS":
      return new CxError("the file holds more than one YAML document (a second ---)", { at, hint: "keep one document per file" });
    case "TAG_RESOLVE_FAILED":
      return unsupportedTag(source.slice(error.pos[0], error.pos[1]), at);
    default: {
      const message = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
      return new CxError(`YAML syntax error: ${message}`, { at, hint: "check the indentation, quotes and colons around this line" });
    }
  }
}
function unclosedQuoteStart(document, end) {
  let start;
  (0, import_yaml.visit)(document, {
    Scalar(_key, node) {
      if ((node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") && node.range?.[1] === end)
        start = node.range[0];
    }
  });
  return start;
}
function keyTextAt(source, offset) {
  const match2 = /^("[^"\n]*"|'[^'\n]*'|[^:\n]*?)\s*:(?:\s|$)/.exec(source.slice(offset));
  return (match2?.[1] ?? source.slice(offset).split(/[:\n]/)[0]).replace(/^["']|["']$/g, "");
}
function unsupportedTag(tag, at) {
  if (tag === "!vault")
    return new CxError("vault-encrypted values (!vault) are not supported", { at, hint: "pass the secret with -e @file (outside the repository) instead" });
  if (tag === "!unsafe") {
    return new CxError("the !unsafe tag is not supported", { at, hint: "remove it: cxplay would render any {{ }} inside the value, which !unsafe is meant to prevent" });
  }
  return new CxError(`YAML tag '${tag}' is not supported`, { at, hint: "write a plain string, number, boolean, list or mapping" });
}
var Converter = class {
  document;
  position;
  /** Nodes produced through aliases so far (each expansion counts all it copies). */
  aliasNodes = 0;
  aliasDepth = 0;
  /** The outermost alias being expanded: where an alias bomb is reported. */
  aliasOrigin;
  expanding = /* @__PURE__ */ new Set();
  constructor(document, position) {
    this.document = document;
    this.position = position;
  }
  convert(node, depth) {
    if (!node)
      return null;
    if (this.aliasDepth > 0 && ++this.aliasNodes > MAX_ALIAS_NODES) {
      throw new CxError(`aliases expand to more than ${MAX_ALIAS_NODES} values (an alias bomb?)`, { at: this.aliasOrigin, hint: "write the data out instead of nesting aliases" });
    }
    if (depth > MAX_DEPTH)
      throw new CxError(`nesting deeper than ${MAX_DEPTH} levels`, { at: this.at(node), hint: "flatten the data" });
    if ((0, import_yaml.isAlias)(node))
      return this.alias(node, depth);
    this.checkTag(node);
    if ((0, import_yaml.isScalar)(node))
      return node.value;
    if ((0, import_yaml.isSeq)(node)) {
      const list2 = [];
      recordPosition(list2, this.at(node));
      for (const item of node.items) {
        if (item)
          recordKeyPosition(list2, String(list2.length), this.at(item));
        list2.push(this.convert(item, depth + 1));
      }
      return list2;
    }
    if ((0, import_yaml.isMap)(node))
      return this.map(node, depth);
    return null;
  }
  checkTag(node) {
    if (node.tag && !STANDARD_TAGS.has(node.tag) && !((0, import_yaml.isScalar)(node) && isMergeSymbol(node.value))) {
      throw unsupportedTag(node.tag.replace("tag:yaml.org,2002:", "!!"), this.at(node));
    }
  }
  map(node, depth) {
    const out = {};
    recordPosition(out, this.at(node));
    const merged = [];
    for (const pair of node.items) {
      if (!(0, import_yaml.isPair)(pair))
        continue;
      const keyNode = pair.key;
      const at = keyNode ? this.at(keyNode) : this.at(node);
      if ((0, import_yaml.isScalar)(keyNode) && isMergeSymbol(keyNode.value)) {
        merged.push(...this.mergeSources(pair.value, at, depth));
        continue;
      }
      const key = this.keyText(keyNode, at, depth);
      if (FORBIDDEN_KEYS.has(key))
        throw new CxError(`key '${key}' is not allowed`, { at, hint: "rename it: as an object key it could change how every object behaves" });
      out[key] = this.convert(pair.value, depth + 1);
      recordKeyPosition(out, key, at);
    }
    for (const source of merged) {
      for (const [key, value2] of Object.entries(source)) {
        if (Object.prototype.hasOwnProperty.call(out, key))
          continue;
        out[key] = value2;
        recordKeyPosition(out, key, keyPositionOf(source, key));
      }
    }
    return out;
  }
  /** Mapping keys are plain values; Python's spelling of booleans, as Ansible would show them. */
  keyText(keyNode, at, depth) {
    const key = keyNode ? this.convert(keyNode, depth + 1) : null;
    if (typeof key === "string")
      return key;
    if (typeof key === "number")
      return String(key);
    if (typeof key === "boolean")
      return key ? "True" : "False";
    throw new CxError(key === null ? "a mapping key is empty" : "a mapping key must be a plain value, not a list or mapping", { at, hint: "write a name before the colon" });
  }
  mergeSources(node, at, depth) {
    const values = (0, import_yaml.isSeq)(node) ? node.items.map((item) => this.convert(item, depth + 1)) : [this.convert(node, depth + 1)];
    return values.map((value2) => {
      if (!value2 || typeof value2 !== "object" || Array.isArray(value2))
        throw new CxError("a merge key (<<) needs a mapping or a list of mappings", { at, hint: "write <<: *anchor where the anchor names a mapping" });
      return value2;
    });
  }
  alias(node, depth) {
    const target = node.resolve(this.document);
    const at = this.at(node);
    if (!target)
      throw new CxError(`unknown alias *${node.source}`, { at, hint: `define the anchor &${node.source} before using it` });
    if (this.expanding.has(target))
      throw new CxError(`alias *${node.source} refers to itself (a loop)`, { at, hint: "an anchor cannot contain an alias to itself, directly or through a merge key" });
    this.expanding.add(target);
    if (this.aliasDepth === 0)
      this.aliasOrigin = at;
    this.aliasDepth += 1;
    try {
      return this.convert(target, depth);
    } finally {
      this.aliasDepth -= 1;
      this.expanding.delete(target);
    }
  }
  at(node) {
    return this.position(node.range?.[0] ?? 0);
  }
};
function isMergeSymbol(value2) {
  return typeof value2 === "symbol" && value2.description === "<<";
}

// dist/engine/load/inventory-ini.js
var parsed = runCache();
function readInventoryFile(file) {
  const extension = extname(file).toLowerCase();
  if ([".yaml", ".yml", ".json"].includes(extension))
    return void 0;
  const cached = parsed.get(file);
  if (cached)
    return cached;
  const text2 = readTextFile(file);
  if (extension !== ".ini" && !looksLikeIni(text2, file))
    return void 0;
  const inventory = parseIniInventory(text2, file);
  parsed.set(file, inventory);
  return inventory;
}
function looksLikeIni(text2, file) {
  const first = text2.split("\n").map((line) => line.trim()).find((line) => line && !line.startsWith("#") && !line.startsWith(";"));
  if (first === void 0 || first.startsWith("["))
    return first !== void 0;
  try {
    const value2 = parseYaml(text2, file);
    return !value2 || typeof value2 !== "object" || Array.isArray(value2);
  } catch {
    return false;
  }
}
function parseIniInventory(text2, file) {
  const root = {};
  recordPosition(root, { file, line: 1 });
  let group = "ungrouped";
  let section = "hosts";
  text2.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    const at = { file, line: index + 1, col: raw.length - raw.trimStart().length + 1 };
    if (!line || line.startsWith("#") || line.startsWith(";"))
      return;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      [group, section] = sectionOf(header[1].trim(), at);
      groupBody(root, group, at);
      return;
    }
    if (section === "hosts")
      addHost(root, group, line, at);
    else if (section === "vars")
      addVariable(groupPart(root, group, "vars", at), line, at);
    else
      addChild(root, group, line, at);
  });
  return root;
}
function sectionOf(header, at) {
  const [name, kind = "hosts", ...rest] = header.split(":");
  if (!name || rest.length > 0 || !["hosts", "vars", "children"].includes(kind)) {
    throw new CxError(`invalid section [${header}]`, { at, hint: "write [group], [group:vars] or [group:children]" });
  }
  checkName(name, "group", at);
  return [name, kind];
}
function addHost(root, group, line, at) {
  let words;
  try {
    words = splitCommandLine(withoutComment(line));
  } catch {
    throw new CxError("a quote on this host line is never closed", { at });
  }
  if (words.length === 0)
    return;
  const [pattern, ...assignments] = words;
  const { host, port } = splitPort(pattern);
  checkName(host, "host", at);
  const vars = {};
  recordPosition(vars, at);
  if (port !== void 0)
    set(vars, "ansible_port", port, at);
  for (const word of assignments) {
    const equals = word.indexOf("=");
    if (equals <= 0)
      throw new CxError(`'${word}' on the line of host ${host} is not name=value`, { at, hint: "host variables are written name=value after the host name" });
    set(vars, word.slice(0, equals), pythonLiteral(word.slice(equals + 1)), at);
  }
  set(groupPart(root, group, "hosts", at), host, Object.keys(vars).length > 0 ? vars : null, at);
}
function addVariable(vars, line, at) {
  const equals = line.indexOf("=");
  if (equals <= 0)
    throw new CxError(`'${line}' is not name=value`, { at, hint: "a [group:vars] section holds name=value lines" });
  set(vars, line.slice(0, equals).trim(), pythonLiteral(line.slice(equals + 1).trim()), at);
}
function addChild(root, group, line, at) {
  const child = withoutComment(line).trim();
  checkName(child, "group", at);
  groupBody(root, child, at);
  set(groupPart(root, group, "children", at), child, null, at);
}
function groupBody(root, name, at) {
  if (!Object.prototype.hasOwnProperty.call(root, name)) {
    const body = {};
    recordPosition(body, at);
    set(root, name, body, at);
  }
  return root[name];
}
function groupPart(root, group, part, at) {
  const body = groupBody(root, group, at);
  if (!body[part]) {
    const mapping4 = {};
    recordPosition(mapping4, at);
    set(body, part, mapping4, at);
  }
  return body[part];
}
function set(target, key, value2, at) {
  checkName(key, "name", at);
  target[key] = value2;
  recordKeyPosition(target, key, at);
}
function checkName(name, what, at) {
  if (FORBIDDEN_KEYS.has(name))
    throw new CxError(`${what} '${name}' is not allowed`, { at, hint: "rename it: as an object key it could change how every object behaves" });
}
function splitPort(pattern) {
  const match2 = /^([^:]+):(\d+)$/.exec(pattern);
  return match2 ? { host: match2[1], port: Number(match2[2]) } : { host: pattern };
}
function withoutComment(line) {
  let quote2;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quote2) {
      if (char === quote2)
        quote2 = void 0;
    } else if (char === '"' || char === "'") {
      quote2 = char;
    } else if (char === "#" && (index === 0 || /\s/.test(line[index - 1]))) {
      return line.slice(0, index);
    }
  }
  return line;
}
function pythonLiteral(text2) {
  if (text2.includes("#"))
    return text2;
  if (/^[-+]?\d+$/.test(text2))
    return Number(text2);
  if (/^[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?$/.test(text2))
    return Number(text2);
  if (text2 === "True" || text2 === "False")
    return text2 === "True";
  if (text2 === "None")
    return null;
  const quoted = /^(['"])(.*)\1$/.exec(text2);
  if (quoted && !quoted[2].includes(quoted[1]))
    return quoted[2];
  return text2;
}

// dist/engine/load/inventory-vars.js
import { existsSync, readdirSync, statSync as statSync2 } from "node:fs";
import { join } from "node:path";

// dist/engine/load/vars-file.js
function loadVarsFile(path) {
  const value2 = loadYamlFile(path);
  if (value2 === null || value2 === void 0)
    return {};
  if (typeof value2 !== "object" || Array.isArray(value2)) {
    throw new CxError(`${path} must hold a mapping of variable names to values`, { at: { file: path, line: 1 }, hint: "write name: value lines at the top level" });
  }
  return value2;
}

// dist/engine/load/inventory-vars.js
var VARS_EXTENSIONS = [".yaml", ".yml", ".json", ""];
function applyVarsDirs(dirs, groups, hosts) {
  for (const dir of dirs) {
    const groupVars = join(dir, "group_vars");
    const hostVars = join(dir, "host_vars");
    const groupEntries = entriesOf(groupVars);
    const hostEntries = entriesOf(hostVars);
    if (groupEntries.size > 0)
      for (const [name, group] of groups)
        Object.assign(group.vars, readVarsFor(groupVars, name, groupEntries));
    if (hostEntries.size > 0)
      for (const [name, host] of hosts)
        Object.assign(host.vars, readVarsFor(hostVars, name, hostEntries));
  }
}
function entriesOf(dir) {
  try {
    return new Set(readdirSync(dir));
  } catch {
    return /* @__PURE__ */ new Set();
  }
}
function readVarsFor(dir, name, entries) {
  const vars = {};
  for (const extension of VARS_EXTENSIONS) {
    const path = join(dir, `${name}${extension}`);
    if (!entries.has(`${name}${extension}`) || !existsSync(path))
      continue;
    if (statSync2(path).isDirectory())
      Object.assign(vars, readVarsTree(path));
    else
      Object.assign(vars, loadVarsFile(path));
  }
  return vars;
}
function readVarsTree(dir) {
  const vars = {};
  for (const entry of readdirSync(dir).sort()) {
    if (entry.startsWith("."))
      continue;
    const path = join(dir, entry);
    if (statSync2(path).isDirectory())
      Object.assign(vars, readVarsTree(path));
    else if (/\.(ya?ml|json)$/.test(entry))
      Object.assign(vars, loadVarsFile(path));
  }
  return vars;
}
var memberships = /* @__PURE__ */ new WeakMap();
function membership(inventory) {
  let found = memberships.get(inventory);
  if (found)
    return found;
  const depth = /* @__PURE__ */ new Map();
  const groupsOf = new Map([...inventory.hosts.keys()].map((host) => [host, /* @__PURE__ */ new Set(["all"])]));
  const visit2 = (name, level, ancestors) => {
    depth.set(name, Math.max(depth.get(name) ?? 0, level));
    const group = inventory.groups.get(name);
    if (!group)
      return;
    const chain = [...ancestors, name];
    for (const host of group.hosts)
      for (const member2 of chain)
        groupsOf.get(host)?.add(member2);
    for (const child of group.children)
      visit2(child, level + 1, chain);
  };
  visit2("all", 0, []);
  const priority = (name) => Number(inventory.groups.get(name)?.vars.ansible_group_priority ?? 1);
  const mergeOrder = [...inventory.groups.keys()].sort((a, b) => (depth.get(a) ?? 0) - (depth.get(b) ?? 0) || priority(a) - priority(b) || a.localeCompare(b));
  found = { groupsOf, mergeOrder };
  memberships.set(inventory, found);
  return found;
}
function hostVarsFromInventory(inventory, host) {
  const { groupsOf, mergeOrder } = membership(inventory);
  const member2 = groupsOf.get(host) ?? /* @__PURE__ */ new Set(["all"]);
  const vars = {};
  for (const name of mergeOrder)
    if (member2.has(name))
      Object.assign(vars, inventory.groups.get(name).vars);
  Object.assign(vars, inventory.hosts.get(host)?.vars ?? {});
  return vars;
}
function groupNamesOf(inventory, host) {
  const member2 = membership(inventory).groupsOf.get(host) ?? /* @__PURE__ */ new Set();
  return [...member2].filter((name) => name !== "all" && name !== "ungrouped").sort();
}
function groupsMap(inventory) {
  const { groupsOf } = membership(inventory);
  const out = {};
  for (const name of inventory.groups.keys())
    out[name] = [];
  for (const [host, groups] of groupsOf)
    for (const name of groups)
      out[name].push(host);
  return out;
}

// dist/engine/load/inventory.js
var GROUP_KEYS = ["hosts", "vars", "children"];
var MAX_RANGE_HOSTS = 1e4;
function loadInventory(file, options = {}) {
  const path = resolve2(file);
  const value2 = readInventoryFile(path) ?? loadYamlFile(path);
  const at = positionOf(value2, { file: path, line: 1 });
  if (!value2 || typeof value2 !== "object" || Array.isArray(value2)) {
    throw new CxError("an inventory must be a YAML mapping of groups, starting with all:", { at, hint: "all:\n    hosts:\n      web1:\n        ansible_host: 10.0.0.1\n  (or an INI inventory in a .ini file)" });
  }
  const reader = new InventoryReader(path);
  for (const [name, body] of Object.entries(value2))
    reader.group(name, body, keyPositionOf(value2, name, at));
  const { groups, hosts } = reader.finish();
  const dirs = [dirname(path), ...options.playbookDir && resolve2(options.playbookDir) !== dirname(path) ? [resolve2(options.playbookDir)] : []];
  applyVarsDirs(dirs, groups, hosts);
  return {
    file: path,
    hosts: new Map([...hosts].map(([name, host]) => [name, { name, vars: host.vars, at: host.at }])),
    groups: new Map([...groups].map(([name, group]) => [name, { ...group }]))
  };
}
var InventoryReader = class {
  file;
  groups = /* @__PURE__ */ new Map();
  hosts = /* @__PURE__ */ new Map();
  constructor(file) {
    this.file = file;
    this.entry("all", void 0);
  }
  group(name, body, at) {
    const group = this.entry(name, at);
    if (body === null || body === void 0)
      return;
    if (typeof body !== "object" || Array.isArray(body))
      throw new CxError(`group '${name}' must be a mapping with hosts:, vars: or children:, got ${describeValue(body)}`, { at });
    const node = body;
    for (const key of Object.keys(node)) {
      if (!GROUP_KEYS.includes(key))
        throw new CxError(`unknown key '${key}' in group '${name}'${didYouMean(key, GROUP_KEYS)}`, { at: keyPositionOf(node, key, at), hint: "a group takes hosts:, vars: and children:" });
    }
    const part = (key, example) => {
      const value2 = node[key];
      if (value2 === null || value2 === void 0)
        return void 0;
      if (typeof value2 !== "object" || Array.isArray(value2)) {
        throw new CxError(`${key} of group '${name}' must be a mapping, got ${describeValue(value2)}`, { at: keyPositionOf(node, key, at), hint: `write each on its own line ending with a colon, e.g. "${example}:"` });
      }
      return value2;
    };
    Object.assign(group.vars, part("vars", "ansible_user: admin"));
    for (const [pattern, vars] of Object.entries(part("hosts", "web1") ?? {}))
      this.host(group, pattern, vars, keyPositionOf(node.hosts, pattern, at));
    for (const [child, childBody] of Object.entries(part("children", "webservers") ?? {})) {
      const childAt = keyPositionOf(node.children, child, at);
      if (child === name)
        throw new CxError(`group '${name}' cannot be its own child`, { at: childAt });
      this.group(child, childBody, childAt);
      if (!group.children.includes(child))
        group.children.push(child);
    }
  }
  finish() {
    this.refuseCycles();
    const all = this.groups.get("all");
    const ungrouped = this.entry("ungrouped", void 0);
    const grouped = new Set([...this.groups.values()].filter((group) => group.name !== "all").flatMap((group) => group.hosts));
    for (const host of this.hosts.keys())
      if (!grouped.has(host) && !ungrouped.hosts.includes(host))
        ungrouped.hosts.push(host);
    const isChild = new Set([...this.groups.values()].flatMap((group) => group.children));
    for (const name of this.groups.keys())
      if (name !== "all" && !isChild.has(name))
        all.children.push(name);
    return { groups: this.groups, hosts: this.hosts };
  }
  entry(name, at) {
    let group = this.groups.get(name);
    if (!group) {
      group = { name, vars: {}, children: [], hosts: [], at };
      this.groups.set(name, group);
    }
    group.at ??= at;
    return group;
  }
  host(group, pattern, vars, at) {
    if (vars !== null && vars !== void 0 && (typeof vars !== "object" || Array.isArray(vars))) {
      throw new CxError(`host '${pattern}' must map to its variables (or to nothing), got ${describeValue(vars)}`, { at, hint: `write "${pattern}:" alone, or its variables indented below it` });
    }
    for (const name of expandHostRange(pattern, at)) {
      const host = this.hosts.get(name) ?? { vars: {}, at };
      Object.assign(host.vars, vars ?? {});
      this.hosts.set(name, host);
      if (!group.hosts.includes(name))
        group.hosts.push(name);
    }
  }
  /** Ansible refuses a group that is its own ancestor; so do we, naming the loop. */
  refuseCycles() {
    const visiting = [];
    const done = /* @__PURE__ */ new Set();
    const visit2 = (name) => {
      if (done.has(name))
        return;
      const index = visiting.indexOf(name);
      if (index >= 0) {
        const group = this.groups.get(name);
        throw new CxError(`group loop: ${[...visiting.slice(index), name].join(" -> ")}`, { at: group.at ?? { file: this.file }, hint: "a group cannot be a child of its own children" });
      }
      visiting.push(name);
      for (const child of this.groups.get(name)?.children ?? [])
        visit2(child);
      visiting.pop();
      done.add(name);
    };
    for (const name of this.groups.keys())
      visit2(name);
  }
};
function expandHostRange(pattern, at) {
  const match2 = /^(.*?)\[([^\]:]+):([^\]:]+)(?::(\d+))?\](.*)$/.exec(pattern);
  if (!match2)
    return [pattern];
  const [, head, from, to, stepText, tail] = match2;
  const step = Number(stepText ?? 1);
  const bad = (why) => new CxError(`cannot expand host range '${pattern}': ${why}`, { at, hint: "write node[1:3], node[01:10] or node[a:c]" });
  if (step < 1)
    throw bad("the step must be at least 1");
  let names;
  if (/^\d+$/.test(from) && /^\d+$/.test(to)) {
    const width = from.length > 1 && from.startsWith("0") ? from.length : 0;
    names = rangeOf(Number(from), Number(to), step, bad).map((value2) => String(value2).padStart(width, "0"));
  } else if (/^[a-z]$/i.test(from) && /^[a-z]$/i.test(to)) {
    names = rangeOf(from.charCodeAt(0), to.charCodeAt(0), step, bad).map((code) => String.fromCharCode(code));
  } else {
    throw bad("the bounds must be two numbers or two letters");
  }
  return names.flatMap((middle) => expandHostRange(`${head}${middle}${tail}`, at));
}
function rangeOf(first, last, step, bad) {
  if (last < first)
    throw bad("the end comes before the start");
  if ((last - first) / step + 1 > MAX_RANGE_HOSTS)
    throw bad(`more than ${MAX_RANGE_HOSTS} hosts`);
  const values = [];
  for (let value2 = first; value2 <= last; value2 += step)
    values.push(value2);
  return values;
}

// dist/engine/load/playbook.js
import { existsSync as existsSync6 } from "node:fs";
import { dirname as dirname6, resolve as resolve6 } from "node:path";

// dist/engine/template/filters.js
var import_yaml5 = __toESM(require_dist(), 1);
import { createHash } from "node:crypto";
import { basename, dirname as dirname2 } from "node:path";

// dist/engine/connection/quote.js
function quote(value2) {
  const text2 = String(value2);
  if (text2 === "")
    return "''";
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(text2))
    return text2;
  return `'${text2.replace(/'/g, `'"'"'`)}'`;
}
function heredocBase64(command, content, rest = "") {
  const encoded = Buffer.from(content).toString("base64").replace(/(.{76})/g, "$1\n");
  return `${command} <<'__CX_EOF__'${rest ? ` ${rest}` : ""}
${encoded}
__CX_EOF__`;
}

// dist/engine/template/regex.js
var cache2 = /* @__PURE__ */ new Map();
function pythonRegExp(pattern, mode, flags = "") {
  const key = `${mode}\0${flags}\0${pattern}`;
  let regex = cache2.get(key);
  if (!regex) {
    const source = pattern.replace(/\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/g, "(?<$1>").replace(/\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/g, "\\k<$1>");
    try {
      regex = new RegExp(mode === "match" ? `^(?:${source})` : source, `${flags}${mode === "global" ? "g" : ""}`);
    } catch (error) {
      throw new TemplateError(`invalid regular expression '${pattern}': ${error.message}`);
    }
    cache2.set(key, regex);
  }
  regex.lastIndex = 0;
  return regex;
}
function pythonReplacement(replacement) {
  return replacement.replace(/\$/g, "$$$$").replace(/\\g<(\w+)>/g, (_m, name) => /^\d+$/.test(name) ? `$${name}` : `$<${name}>`).replace(/\\(\d+)/g, "$$$1");
}

// dist/engine/template/tests.js
var resultKey = (key) => (value2) => Boolean(value2 && typeof value2 === "object" && value2[key] === true);
var isFailed = resultKey("failed");
var isChanged = resultKey("changed");
var isSkipped = resultKey("skipped");
var comparing = (op) => (value2, args2, context) => compare(op, value2, args2[0], context);
var TESTS = {
  defined: (value2) => !(value2 instanceof Undefined),
  undefined: (value2) => value2 instanceof Undefined,
  none: (value2) => value2 === null,
  string: (value2) => typeof value2 === "string",
  number: (value2) => typeof value2 === "number",
  integer: (value2) => typeof value2 === "number" && Number.isInteger(value2),
  float: (value2) => typeof value2 === "number" && !Number.isInteger(value2),
  boolean: (value2) => typeof value2 === "boolean",
  mapping: (value2) => Boolean(value2) && typeof value2 === "object" && !Array.isArray(value2),
  sequence: (value2) => Array.isArray(value2) || typeof value2 === "string",
  iterable: (value2) => Array.isArray(value2) || typeof value2 === "string" || Boolean(value2) && typeof value2 === "object",
  succeeded: (value2) => !isFailed(value2),
  success: (value2) => !isFailed(value2),
  failed: isFailed,
  failure: isFailed,
  changed: isChanged,
  change: isChanged,
  skipped: isSkipped,
  skip: isSkipped,
  match: (value2, args2) => pythonRegExp(String(args2[0]), "match").test(String(value2)),
  search: (value2, args2) => pythonRegExp(String(args2[0]), "search").test(String(value2)),
  regex: (value2, args2) => pythonRegExp(String(args2[0]), "search").test(String(value2)),
  equalto: (value2, args2) => equal(value2, args2[0]),
  eq: (value2, args2) => equal(value2, args2[0]),
  "==": (value2, args2) => equal(value2, args2[0]),
  ne: (value2, args2) => !equal(value2, args2[0]),
  "!=": (value2, args2) => !equal(value2, args2[0]),
  lt: comparing("<"),
  "<": comparing("<"),
  le: comparing("<="),
  "<=": comparing("<="),
  gt: comparing(">"),
  ">": comparing(">"),
  ge: comparing(">="),
  ">=": comparing(">="),
  in: (value2, args2) => Array.isArray(args2[0]) ? args2[0].some((item) => equal(item, value2)) : String(args2[0]).includes(String(value2)),
  truthy: (value2) => truthy(value2),
  falsy: (value2) => !truthy(value2),
  version: (value2, args2) => compareVersions(String(value2), String(args2[0]), String(args2[1] ?? "eq")),
  version_compare: (value2, args2) => compareVersions(String(value2), String(args2[0]), String(args2[1] ?? "eq")),
  even: (value2) => Number(value2) % 2 === 0,
  odd: (value2) => Math.abs(Number(value2) % 2) === 1,
  divisibleby: (value2, args2) => Number(value2) % Number(args2[0]) === 0
};
function applyTest(name, value2, args2, context) {
  const test = Object.prototype.hasOwnProperty.call(TESTS, name) ? TESTS[name] : void 0;
  if (!test)
    throw new TemplateError(`unknown test '${name}' in "${context.expression}"`);
  const settled = name === "defined" || name === "undefined" ? value2 : defined(value2, context.expression);
  return test(settled, args2.map((arg) => defined(arg, context.expression)), context);
}
function compareVersions(left, right, op) {
  const difference = versionOrder(left, right);
  switch (op) {
    case "lt":
    case "<":
      return difference < 0;
    case "le":
    case "<=":
      return difference <= 0;
    case "gt":
    case ">":
      return difference > 0;
    case "ge":
    case ">=":
      return difference >= 0;
    case "ne":
    case "!=":
    case "<>":
      return difference !== 0;
    case "eq":
    case "==":
    case "=":
      return difference === 0;
  }
  throw new TemplateError(`unknown version comparison '${op}'`, { hint: "use lt, le, gt, ge, eq or ne" });
}
function versionOrder(left, right) {
  const parts = (text2) => text2.replace(/^v/, "").split(/[.+\-_]/).map((part) => /^\d+$/.test(part) ? Number(part) : part);
  const a = parts(left);
  const b = parts(right);
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const x = a[index] ?? 0;
    const y = b[index] ?? 0;
    if (x === y)
      continue;
    if (typeof x === "number" && typeof y === "number")
      return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

// dist/engine/template/filters.js
var TRUE_WORDS = /* @__PURE__ */ new Set(["yes", "on", "true", "1", "y", "t"]);
var list = (value2, context) => {
  if (Array.isArray(value2))
    return value2;
  if (typeof value2 === "string")
    return [...value2];
  if (value2 && typeof value2 === "object")
    return Object.keys(value2);
  throw new TemplateError(`expected a list, got ${typeName(value2)} in "${context.expression}"`);
};
var mapping2 = (value2, context) => {
  if (value2 && typeof value2 === "object" && !Array.isArray(value2))
    return value2;
  throw new TemplateError(`expected a dict, got ${typeName(value2)} in "${context.expression}"`);
};
var attribute = (item, path) => {
  let current = item;
  for (const part of String(path).split("."))
    current = member(current, /^\d+$/.test(part) && Array.isArray(current) ? Number(part) : part, String(path));
  return current;
};
var sortKey = (a, b) => {
  if (typeof a === "number" && typeof b === "number")
    return a - b;
  return pythonString(a) < pythonString(b) ? -1 : pythonString(a) > pythonString(b) ? 1 : 0;
};
var unique = (items) => items.filter((item, index) => items.findIndex((other) => equal(other, item)) === index);
function combine(base, other, recursive) {
  const out = { ...base };
  for (const [key, value2] of Object.entries(other)) {
    assertSafeName(key);
    const existing = out[key];
    const both = recursive && existing && value2 && typeof existing === "object" && typeof value2 === "object" && !Array.isArray(existing) && !Array.isArray(value2);
    out[key] = both ? combine(existing, value2, true) : value2;
  }
  return out;
}
function selectBy(items, args2, context, keep, byAttribute) {
  const [first, ...rest] = args2;
  return items.filter((item) => {
    const subject = byAttribute ? attribute(item, first) : item;
    const testName = byAttribute ? rest[0] : first;
    const testArgs = byAttribute ? rest.slice(1) : rest;
    const passed = testName === void 0 ? truthy(subject instanceof Undefined ? false : subject) : applyTest(String(testName), subject, testArgs, context);
    return passed === keep;
  });
}
var FILTERS = {
  default: (value2, args2) => {
    const fallback = args2[0] ?? "";
    if (value2 instanceof Undefined)
      return fallback;
    return args2[1] === true && !truthy(value2) ? fallback : value2;
  },
  mandatory: (value2, args2, _kwargs, context) => {
    if (value2 instanceof Undefined)
      throw new TemplateError(args2[0] ? String(args2[0]) : `mandatory variable '${value2.name}' is not defined in "${context.expression}"`);
    return value2;
  },
  bool: (value2) => typeof value2 === "string" ? TRUE_WORDS.has(value2.trim().toLowerCase()) : typeof value2 === "number" ? value2 === 1 : value2 === true,
  int: (value2, args2) => {
    const parsed2 = typeof value2 === "boolean" ? Number(value2) : Math.trunc(Number.parseFloat(String(value2)));
    return Number.isFinite(parsed2) ? parsed2 : args2[0] ?? 0;
  },
  float: (value2, args2) => {
    const parsed2 = Number.parseFloat(String(value2));
    return Number.isFinite(parsed2) ? parsed2 : args2[0] ?? 0;
  },
  string: (value2) => pythonString(value2),
  lower: (value2) => pythonString(value2).toLowerCase(),
  upper: (value2) => pythonString(value2).toUpperCase(),
  capitalize: (value2) => {
    const text2 = pythonString(value2);
    return text2.charAt(0).toUpperCase() + text2.slice(1).toLowerCase();
  },
  title: (value2) => pythonString(value2).replace(/\w\S*/g, (word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()),
  trim: (value2, args2) => stripChars(pythonString(value2), args2[0], true, true),
  length: (value2, _args, _kwargs, context) => typeof value2 === "string" ? value2.length : list(value2, context).length,
  join: (value2, args2, _kwargs, context) => list(value2, context).map(pythonString).join(args2[0] === void 0 ? "" : String(args2[0])),
  first: (value2, _args, _kwargs, context) => list(value2, context)[0] ?? new Undefined("first of an empty list"),
  last: (value2, _args, _kwargs, context) => list(value2, context).at(-1) ?? new Undefined("last of an empty list"),
  split: (value2, args2) => args2[0] === void 0 ? pythonString(value2).trim().split(/\s+/).filter(Boolean) : pythonString(value2).split(String(args2[0])),
  replace: (value2, args2) => pythonString(value2).split(String(args2[0])).join(String(args2[1] ?? "")),
  to_json: (value2) => JSON.stringify(value2),
  to_nice_json: (value2, args2, kwargs2) => JSON.stringify(value2, null, Number(kwargs2.indent ?? args2[0] ?? 4)),
  from_json: (value2) => {
    try {
      return JSON.parse(pythonString(value2));
    } catch (error) {
      throw new TemplateError(`from_json: ${error.message}`);
    }
  },
  to_yaml: (value2) => (0, import_yaml5.stringify)(value2, { lineWidth: 0 }),
  to_nice_yaml: (value2, args2, kwargs2) => (0, import_yaml5.stringify)(value2, { indent: Number(kwargs2.indent ?? args2[0] ?? 4), lineWidth: 0 }),
  from_yaml: (value2) => (0, import_yaml5.parse)(pythonString(value2), { maxAliasCount: 100 }),
  b64encode: (value2) => Buffer.from(pythonString(value2), "utf8").toString("base64"),
  b64decode: (value2) => Buffer.from(pythonString(value2), "base64").toString("utf8"),
  regex_replace: (value2, args2, kwargs2) => pythonString(value2).replace(pythonRegExp(String(args2[0]), "global", kwargs2.ignorecase ? "i" : ""), pythonReplacement(String(args2[1] ?? ""))),
  regex_search: (value2, args2) => {
    const match2 = pythonRegExp(String(args2[0]), "search").exec(pythonString(value2));
    if (!match2)
      return null;
    const groups = args2.slice(1).map(String).filter((arg) => arg.startsWith("\\"));
    if (groups.length === 0)
      return match2[0];
    return groups.map((group) => /^\\\d+$/.test(group) ? match2[Number(group.slice(1))] : match2.groups?.[group.replace(/^\\g<|>$/g, "")]);
  },
  regex_findall: (value2, args2) => [...pythonString(value2).matchAll(pythonRegExp(String(args2[0]), "global"))].map((match2) => match2.length > 2 ? match2.slice(1) : match2[1] ?? match2[0]),
  map: (value2, args2, kwargs2, context) => {
    const items = list(value2, context);
    if (kwargs2.attribute !== void 0) {
      return items.map((item) => {
        const found = attribute(item, kwargs2.attribute);
        return found instanceof Undefined && "default" in kwargs2 ? kwargs2.default : found;
      });
    }
    const [name, ...rest] = args2;
    return items.map((item) => applyFilter(String(name), item, rest, {}, context));
  },
  select: (value2, args2, _kwargs, context) => selectBy(list(value2, context), args2, context, true, false),
  reject: (value2, args2, _kwargs, context) => selectBy(list(value2, context), args2, context, false, false),
  selectattr: (value2, args2, _kwargs, context) => selectBy(list(value2, context), args2, context, true, true),
  rejectattr: (value2, args2, _kwargs, context) => selectBy(list(value2, context), args2, context, false, true),
  unique: (value2, _args, _kwargs, context) => unique(list(value2, context)),
  sort: (value2, args2, kwargs2, context) => {
    const by = kwargs2.attribute;
    const sorted = [...list(value2, context)].sort((a, b) => by ? sortKey(attribute(a, by), attribute(b, by)) : sortKey(a, b));
    return kwargs2.reverse === true || args2[0] === true ? sorted.reverse() : sorted;
  },
  reverse: (value2, _args, _kwargs, context) => typeof value2 === "string" ? [...value2].reverse().join("") : [...list(value2, context)].reverse(),
  list: (value2, _args, _kwargs, context) => [...list(value2, context)],
  dict2items: (value2, _args, kwargs2, context) => Object.entries(mapping2(value2, context)).map(([key, item]) => ({ [String(kwargs2.key_name ?? "key")]: key, [String(kwargs2.value_name ?? "value")]: item })),
  items2dict: (value2, _args, kwargs2, context) => {
    const out = {};
    for (const item of list(value2, context)) {
      const key = String(attribute(item, kwargs2.key_name ?? "key"));
      assertSafeName(key);
      out[key] = attribute(item, kwargs2.value_name ?? "value");
    }
    return out;
  },
  combine: (value2, args2, kwargs2, context) => args2.reduce((base, other) => combine(base, mapping2(other, context), kwargs2.recursive === true), { ...mapping2(value2, context) }),
  ternary: (value2, args2) => truthy(value2) ? args2[0] : value2 === null && args2.length > 2 ? args2[2] : args2[1],
  basename: (value2) => basename(pythonString(value2)),
  dirname: (value2) => dirname2(pythonString(value2)),
  quote: (value2) => quote(pythonString(value2)),
  min: (value2, _args, _kwargs, context) => [...list(value2, context)].sort(sortKey)[0],
  max: (value2, _args, _kwargs, context) => [...list(value2, context)].sort(sortKey).at(-1),
  sum: (value2, args2, _kwargs, context) => list(value2, context).reduce((total, item) => total + Number(item), Number(args2[0] ?? 0)),
  abs: (value2) => Math.abs(Number(value2)),
  round: (value2, args2) => {
    const factor = 10 ** Number(args2[0] ?? 0);
    return Math.round(Number(value2) * factor) / factor;
  },
  union: (value2, args2, _kwargs, context) => unique([...list(value2, context), ...list(args2[0], context)]),
  difference: (value2, args2, _kwargs, context) => unique(list(value2, context).filter((item) => !list(args2[0], context).some((other) => equal(other, item)))),
  intersect: (value2, args2, _kwargs, context) => unique(list(value2, context).filter((item) => list(args2[0], context).some((other) => equal(other, item)))),
  flatten: (value2, args2, kwargs2, context) => list(value2, context).flat(Number(kwargs2.levels ?? args2[0] ?? Infinity)),
  zip: (value2, args2, _kwargs, context) => list(value2, context).map((item, index) => [item, ...args2.map((other) => list(other, context)[index])]),
  hash: (value2, args2) => createHash(String(args2[0] ?? "sha1")).update(pythonString(value2)).digest("hex"),
  checksum: (value2) => createHash("sha1").update(pythonString(value2)).digest("hex"),
  indent: (value2, args2) => {
    const pad = " ".repeat(Number(args2[0] ?? 4));
    return pythonString(value2).split("\n").map((line, index) => index === 0 && args2[1] !== true ? line : line ? pad + line : line).join("\n");
  },
  center: (value2, args2) => pythonString(value2).padStart(Math.floor((Number(args2[0] ?? 80) + pythonString(value2).length) / 2)).padEnd(Number(args2[0] ?? 80)),
  type_debug: (value2) => typeName(value2)
};
FILTERS.d = FILTERS.default;
FILTERS.count = FILTERS.length;
function applyFilter(name, value2, args2, kwargs2, context) {
  const filter = Object.prototype.hasOwnProperty.call(FILTERS, name) ? FILTERS[name] : void 0;
  if (!filter)
    throw new TemplateError(`unknown filter '${name}' in "${context.expression}"`, { hint: `supported filters: ${Object.keys(FILTERS).sort().join(", ")}` });
  const lenient = name === "default" || name === "d" || name === "mandatory";
  const settled = lenient ? value2 : defined(value2, context.expression);
  return filter(settled, args2.map((arg) => defined(arg, context.expression)), kwargs2, context);
}

// dist/engine/template/globals.js
function callGlobal(name, args2, kwargs2, context) {
  switch (name) {
    case "range":
      return range(args2.map(Number));
    case "lookup":
    case "query":
      return lookup(args2, kwargs2, context);
    case "dict":
      return { ...kwargs2 };
  }
  throw new TemplateError(`unknown function '${name}' in "${context.expression}"`, { hint: "supported: range, lookup, dict" });
}
function range(numbers) {
  const [start, stop, step] = numbers.length === 1 ? [0, numbers[0], 1] : [numbers[0], numbers[1], numbers[2] ?? 1];
  if (step === 0)
    throw new TemplateError("range() step must not be zero");
  const out = [];
  for (let value2 = start; step > 0 ? value2 < stop : value2 > stop; value2 += step) {
    out.push(value2);
    if (out.length > 1e5)
      throw new TemplateError("range() is too long");
  }
  return out;
}
function lookup(args2, kwargs2, context) {
  const [plugin, ...terms] = args2.map(String);
  if (plugin === "env") {
    const values = terms.map((term) => process.env[term] ?? (kwargs2.default !== void 0 ? String(kwargs2.default) : ""));
    return values.length === 1 ? values[0] : values.join(",");
  }
  throw new TemplateError(`lookup plugin '${plugin}' is not supported in "${context.expression}"`, { hint: "supported: lookup('env', NAME)" });
}

// dist/engine/template/evaluate.js
function evaluate(node, context) {
  switch (node.t) {
    case "lit":
      return node.value;
    case "name":
      assertSafeName(node.name);
      return context.scope.has(node.name) ? context.scope.get(node.name) : new Undefined(node.name);
    case "attr": {
      const object = evaluate(node.object, context);
      if (object instanceof Undefined)
        return new Undefined(`${object.name}.${node.name}`);
      return member(object, node.name, `${pathOf(node.object)}.${node.name}`);
    }
    case "index": {
      const object = evaluate(node.object, context);
      const key = defined(evaluate(node.index, context), context.expression);
      if (object instanceof Undefined)
        return new Undefined(`${object.name}[${JSON.stringify(key)}]`);
      return member(object, key, `${pathOf(node.object)}[${JSON.stringify(key)}]`);
    }
    case "slice":
      return slice(node, context);
    case "list":
      return node.items.map((item) => value(item, context));
    case "dict": {
      const out = {};
      for (const [key, item] of node.entries) {
        const name = String(value(key, context));
        assertSafeName(name);
        out[name] = value(item, context);
      }
      return out;
    }
    case "unary":
      return unary(node.op, evaluate(node.operand, context), context);
    case "binary":
      return binary(node.op, evaluate(node.left, context), evaluate(node.right, context), context);
    case "logic": {
      const left = value(node.left, context);
      if (node.op === "and")
        return truthy(left) ? value(node.right, context) : left;
      return truthy(left) ? left : value(node.right, context);
    }
    case "cond":
      if (truthy(value(node.test, context)))
        return evaluate(node.then, context);
      return node.otherwise ? evaluate(node.otherwise, context) : new Undefined("(if without else)");
    case "filter":
      return applyFilter(node.name, evaluate(node.operand, context), args(node.args, context), kwargs(node.kwargs, context), context);
    case "test": {
      const result = applyTest(node.name, evaluate(node.operand, context), args(node.args, context), context);
      return node.negated ? !result : result;
    }
    case "call":
      return call(node, context);
  }
}
function value(node, context) {
  return defined(evaluate(node, context), context.expression);
}
function args(nodes2, context) {
  return nodes2.map((node) => evaluate(node, context));
}
function kwargs(nodes2, context) {
  const out = {};
  for (const [key, node] of Object.entries(nodes2))
    out[key] = evaluate(node, context);
  return out;
}
function call(node, context) {
  const values = node.args.map((arg) => value(arg, context));
  if (node.callee.t === "name")
    return callGlobal(node.callee.name, values, kwargs(node.kwargs, context), context);
  if (node.callee.t === "attr")
    return callMethod(value(node.callee.object, context), node.callee.name, values);
  throw new TemplateError(`this cannot be called in "${context.expression}"`);
}
function slice(node, context) {
  const object = value(node.object, context);
  const start = node.start ? Number(value(node.start, context)) : void 0;
  const end = node.end ? Number(value(node.end, context)) : void 0;
  if (typeof object === "string" || Array.isArray(object))
    return object.slice(start, end);
  throw new TemplateError(`only strings and lists can be sliced in "${context.expression}"`);
}
function unary(op, operand, context) {
  const item = defined(operand, context.expression);
  if (op === "not")
    return !truthy(item);
  const number2 = toNumber(item, context);
  return op === "-" ? -number2 : number2;
}
function binary(op, leftRaw, rightRaw, context) {
  const left = defined(leftRaw, context.expression);
  const right = defined(rightRaw, context.expression);
  switch (op) {
    case "~":
      return pythonString(left) + pythonString(right);
    case "==":
      return equal(left, right);
    case "!=":
      return !equal(left, right);
    case "<":
    case "<=":
    case ">":
    case ">=":
      return compare(op, left, right, context);
    case "in":
      return contains(right, left, context);
    case "+":
      if (typeof left === "string" && typeof right === "string")
        return left + right;
      if (Array.isArray(left) && Array.isArray(right))
        return [...left, ...right];
      return toNumber(left, context) + toNumber(right, context);
    case "-":
      return toNumber(left, context) - toNumber(right, context);
    case "*":
      if (typeof left === "string" && typeof right === "number")
        return left.repeat(Math.max(0, right));
      return toNumber(left, context) * toNumber(right, context);
    case "/":
      return toNumber(left, context) / nonZero(toNumber(right, context), context);
    case "//":
      return Math.floor(toNumber(left, context) / nonZero(toNumber(right, context), context));
    case "%": {
      const divisor = nonZero(toNumber(right, context), context);
      const dividend = toNumber(left, context);
      return (dividend % divisor + divisor) % divisor;
    }
    case "**":
      return toNumber(left, context) ** toNumber(right, context);
  }
  throw new TemplateError(`unknown operator '${op}' in "${context.expression}"`);
}
function equal(left, right) {
  if (left === right)
    return true;
  if (typeof left === "object" && typeof right === "object" && left && right)
    return JSON.stringify(left) === JSON.stringify(right);
  return false;
}
function compare(op, left, right, context) {
  const comparable = typeof left === "number" && typeof right === "number" || typeof left === "string" && typeof right === "string";
  if (!comparable)
    throw new TemplateError(`cannot compare ${typeName(left)} and ${typeName(right)} with '${op}' in "${context.expression}"`);
  const a = left;
  const b = right;
  return op === "<" ? a < b : op === "<=" ? a <= b : op === ">" ? a > b : a >= b;
}
function contains(container, item, context) {
  if (typeof container === "string")
    return container.includes(pythonString(item));
  if (Array.isArray(container))
    return container.some((candidate) => equal(candidate, item));
  if (container && typeof container === "object")
    return Object.prototype.hasOwnProperty.call(container, String(item));
  throw new TemplateError(`'in' needs a string, list or dict on its right in "${context.expression}"`);
}
function toNumber(value2, context) {
  if (typeof value2 === "number")
    return value2;
  if (typeof value2 === "boolean")
    return value2 ? 1 : 0;
  throw new TemplateError(`expected a number, got ${typeName(value2)} ${JSON.stringify(value2)} in "${context.expression}"`, {
    hint: 'convert it with "| int" or "| float"'
  });
}
function nonZero(value2, context) {
  if (value2 === 0)
    throw new TemplateError(`division by zero in "${context.expression}"`);
  return value2;
}
function typeName(value2) {
  if (value2 === null)
    return "None";
  if (Array.isArray(value2))
    return "list";
  if (typeof value2 === "object")
    return "dict";
  return typeof value2 === "number" ? Number.isInteger(value2) ? "int" : "float" : typeof value2 === "boolean" ? "bool" : "str";
}
function pathOf(node) {
  if (node.t === "name")
    return node.name;
  if (node.t === "attr")
    return `${pathOf(node.object)}.${node.name}`;
  if (node.t === "index")
    return `${pathOf(node.object)}[...]`;
  return "(value)";
}

// dist/engine/template/lexer.js
var OPERATORS = ["**", "//", "==", "!=", "<=", ">=", "(", ")", "[", "]", "{", "}", ",", ":", ".", "|", "~", "+", "-", "*", "/", "%", "<", ">", "="];
var ESCAPES = { n: "\n", t: "	", r: "\r", "\\": "\\", "'": "'", '"': '"', "0": "\0" };
function tokenize(source) {
  const tokens = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    if (/\s/.test(char)) {
      index += 1;
    } else if (/[0-9]/.test(char)) {
      const match2 = /^(\d+\.\d+(?:[eE][+-]?\d+)?|\d+(?:[eE][+-]?\d+)?)/.exec(source.slice(index));
      tokens.push({ kind: "number", value: Number(match2[1]) });
      index += match2[1].length;
    } else if (char === '"' || char === "'") {
      const [value2, next] = readString(source, index);
      tokens.push({ kind: "string", value: value2 });
      index = next;
    } else if (/[A-Za-z_]/.test(char)) {
      const match2 = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(index));
      tokens.push({ kind: "name", value: match2[0] });
      index += match2[0].length;
    } else {
      const op = OPERATORS.find((candidate) => source.startsWith(candidate, index));
      if (!op)
        throw new TemplateError(`unexpected character '${char}' in expression "${source}"`);
      tokens.push({ kind: "op", value: op });
      index += op.length;
    }
  }
  tokens.push({ kind: "end" });
  return tokens;
}
function readString(source, start) {
  const quote2 = source[start];
  let value2 = "";
  let index = start + 1;
  while (index < source.length) {
    const char = source[index];
    if (char === quote2)
      return [value2, index + 1];
    if (char === "\\" && index + 1 < source.length) {
      const next = source[index + 1];
      value2 += ESCAPES[next] ?? `\\${next}`;
      index += 2;
    } else {
      value2 += char;
      index += 1;
    }
  }
  throw new TemplateError(`unterminated string in expression "${source}"`);
}

// dist/engine/template/parser.js
var COMPARISONS = /* @__PURE__ */ new Set(["==", "!=", "<", "<=", ">", ">="]);
var CONSTANTS = { true: true, True: true, false: false, False: false, none: null, None: null, null: null };
var MAX_CACHE = 1e4;
var cache3 = /* @__PURE__ */ new Map();
function parseExpression(source) {
  let node = cache3.get(source);
  if (!node) {
    node = new Parser(source).parseAll();
    if (cache3.size >= MAX_CACHE)
      cache3.clear();
    cache3.set(source, node);
  }
  return node;
}
var Parser = class {
  source;
  tokens;
  position = 0;
  constructor(source) {
    this.source = source;
    this.tokens = tokenize(source);
  }
  parseAll() {
    const node = this.conditional();
    if (this.peek().kind !== "end")
      this.fail(`unexpected '${describe2(this.peek())}'`);
    return node;
  }
  conditional() {
    const value2 = this.or();
    if (!this.isName("if"))
      return value2;
    this.next();
    const test = this.or();
    let otherwise;
    if (this.isName("else")) {
      this.next();
      otherwise = this.conditional();
    }
    return { t: "cond", test, then: value2, otherwise };
  }
  or() {
    let left = this.and();
    while (this.isName("or")) {
      this.next();
      left = { t: "logic", op: "or", left, right: this.and() };
    }
    return left;
  }
  and() {
    let left = this.not();
    while (this.isName("and")) {
      this.next();
      left = { t: "logic", op: "and", left, right: this.not() };
    }
    return left;
  }
  not() {
    if (this.isName("not")) {
      this.next();
      return { t: "unary", op: "not", operand: this.not() };
    }
    return this.comparison();
  }
  comparison() {
    let left = this.concat();
    for (; ; ) {
      const token = this.peek();
      if (token.kind === "op" && COMPARISONS.has(token.value)) {
        this.next();
        left = { t: "binary", op: token.value, left, right: this.concat() };
      } else if (this.isName("in")) {
        this.next();
        left = { t: "binary", op: "in", left, right: this.concat() };
      } else if (this.isName("not") && this.isNameAt(1, "in")) {
        this.next();
        this.next();
        left = { t: "unary", op: "not", operand: { t: "binary", op: "in", left, right: this.concat() } };
      } else if (this.isName("is")) {
        this.next();
        left = this.test(left);
      } else {
        return left;
      }
    }
  }
  test(operand) {
    let negated = false;
    if (this.isName("not")) {
      this.next();
      negated = true;
    }
    const name = this.expectName();
    let args2 = [];
    if (this.isOp("(")) {
      args2 = this.callArguments().args;
    } else if (this.startsValue()) {
      args2 = [this.concat()];
    }
    return { t: "test", operand, name, args: args2, negated };
  }
  concat() {
    let left = this.additive();
    while (this.isOp("~")) {
      this.next();
      left = { t: "binary", op: "~", left, right: this.additive() };
    }
    return left;
  }
  additive() {
    let left = this.multiplicative();
    while (this.isOp("+") || this.isOp("-")) {
      const op = this.next().value;
      left = { t: "binary", op, left, right: this.multiplicative() };
    }
    return left;
  }
  multiplicative() {
    let left = this.unary();
    while (this.isOp("*") || this.isOp("/") || this.isOp("//") || this.isOp("%")) {
      const op = this.next().value;
      left = { t: "binary", op, left, right: this.unary() };
    }
    return left;
  }
  unary() {
    if (this.isOp("-") || this.isOp("+")) {
      const op = this.next().value;
      return { t: "unary", op, operand: this.unary() };
    }
    return this.power();
  }
  power() {
    const base = this.filtered();
    if (this.isOp("**")) {
      this.next();
      return { t: "binary", op: "**", left: base, right: this.unary() };
    }
    return base;
  }
  filtered() {
    let operand = this.postfix(this.primary());
    while (this.isOp("|")) {
      this.next();
      const name = this.expectName();
      const call2 = this.isOp("(") ? this.callArguments() : { args: [], kwargs: {} };
      operand = { t: "filter", operand, name, args: call2.args, kwargs: call2.kwargs };
    }
    return operand;
  }
  postfix(node) {
    for (; ; ) {
      if (this.isOp(".")) {
        this.next();
        const token = this.next();
        if (token.kind === "name")
          node = { t: "attr", object: node, name: token.value };
        else if (token.kind === "number" && Number.isInteger(token.value))
          node = { t: "index", object: node, index: { t: "lit", value: token.value } };
        else
          this.fail("expected a name after '.'");
      } else if (this.isOp("[")) {
        this.next();
        node = this.subscript(node);
      } else if (this.isOp("(")) {
        const call2 = this.callArguments();
        node = { t: "call", callee: node, args: call2.args, kwargs: call2.kwargs };
      } else {
        return node;
      }
    }
  }
  subscript(object) {
    let start;
    if (!this.isOp(":"))
      start = this.conditional();
    if (this.isOp(":")) {
      this.next();
      const end = this.isOp("]") ? void 0 : this.conditional();
      this.expectOp("]");
      return { t: "slice", object, start, end };
    }
    this.expectOp("]");
    return { t: "index", object, index: start };
  }
  primary() {
    const token = this.next();
    switch (token.kind) {
      case "number":
      case "string":
        return { t: "lit", value: token.value };
      case "name":
        if (token.value in CONSTANTS && Object.prototype.hasOwnProperty.call(CONSTANTS, token.value))
          return { t: "lit", value: CONSTANTS[token.value] };
        return { t: "name", name: token.value };
      case "op":
        if (token.value === "(") {
          const inner = this.conditional();
          if (this.isOp(","))
            return this.tuple(inner);
          this.expectOp(")");
          return inner;
        }
        if (token.value === "[")
          return this.list();
        if (token.value === "{")
          return this.dict();
        break;
      case "end":
        this.fail("unexpected end of expression");
    }
    return this.fail(`unexpected '${describe2(token)}'`);
  }
  tuple(first) {
    const items = [first];
    while (this.isOp(",")) {
      this.next();
      if (this.isOp(")"))
        break;
      items.push(this.conditional());
    }
    this.expectOp(")");
    return { t: "list", items };
  }
  list() {
    const items = [];
    while (!this.isOp("]")) {
      items.push(this.conditional());
      if (!this.isOp(","))
        break;
      this.next();
    }
    this.expectOp("]");
    return { t: "list", items };
  }
  dict() {
    const entries = [];
    while (!this.isOp("}")) {
      const key = this.conditional();
      this.expectOp(":");
      entries.push([key, this.conditional()]);
      if (!this.isOp(","))
        break;
      this.next();
    }
    this.expectOp("}");
    return { t: "dict", entries };
  }
  callArguments() {
    this.expectOp("(");
    const args2 = [];
    const kwargs2 = /* @__PURE__ */ Object.create(null);
    while (!this.isOp(")")) {
      const token = this.peek();
      const following = this.tokens[this.position + 1];
      if (token.kind === "name" && following?.kind === "op" && following.value === "=") {
        this.next();
        this.next();
        kwargs2[token.value] = this.conditional();
      } else {
        args2.push(this.conditional());
      }
      if (!this.isOp(","))
        break;
      this.next();
    }
    this.expectOp(")");
    return { args: args2, kwargs: kwargs2 };
  }
  startsValue() {
    const token = this.peek();
    if (token.kind === "number" || token.kind === "string")
      return true;
    if (token.kind === "name")
      return !["and", "or", "if", "else", "is", "in", "not"].includes(token.value);
    return token.kind === "op" && (token.value === "[" || token.value === "{");
  }
  peek() {
    return this.tokens[this.position];
  }
  next() {
    const token = this.tokens[this.position];
    if (token.kind !== "end")
      this.position += 1;
    return token;
  }
  isOp(value2) {
    const token = this.peek();
    return token.kind === "op" && token.value === value2;
  }
  isName(value2) {
    return this.isNameAt(0, value2);
  }
  isNameAt(offset, value2) {
    const token = this.tokens[this.position + offset];
    return token?.kind === "name" && token.value === value2;
  }
  expectOp(value2) {
    if (!this.isOp(value2))
      this.fail(`expected '${value2}' but found '${describe2(this.peek())}'`);
    this.next();
  }
  expectName() {
    const token = this.next();
    if (token.kind !== "name")
      this.fail(`expected a name but found '${describe2(token)}'`);
    return token.value;
  }
  fail(message) {
    throw new TemplateError(`${message} in expression "${this.source}"`, { hint: "check the expression syntax (Jinja subset)" });
  }
};
function describe2(token) {
  return token.kind === "end" ? "end of expression" : String(token.value);
}

// dist/engine/template/render.js
var WHOLE_EXPRESSION = /^\{\{-?\s*([\s\S]*?)\s*-?\}\}$/;
var templateCache = /* @__PURE__ */ new Map();
function isTemplated(text2) {
  return text2.includes("{{") || text2.includes("{%") || text2.includes("{#");
}
function renderString(text2, scope) {
  if (!isTemplated(text2))
    return text2;
  const parts = parseTemplate(text2);
  const only = parts.length === 1 ? parts[0] : void 0;
  if (only?.kind === "expr" && text2.trim().startsWith("{{")) {
    return defined(evaluate(only.node, { scope, expression: only.source }), text2);
  }
  return renderParts(parts, scope);
}
function evaluateExpression(expression, scope) {
  const trimmed = expression.trim();
  const whole = WHOLE_EXPRESSION.exec(trimmed);
  const source = whole ? whole[1] : trimmed;
  return value(parseExpression(source), { scope, expression: source });
}
function evaluateCondition(expression, scope) {
  if (typeof expression === "boolean")
    return expression;
  return truthy(evaluateExpression(expression, scope));
}
function renderDeep(input, scope) {
  if (typeof input === "string")
    return renderString(input, scope);
  if (Array.isArray(input))
    return input.map((item) => renderDeep(item, scope));
  if (input && typeof input === "object") {
    const out = {};
    for (const [key, item] of Object.entries(input)) {
      const renderedKey = String(renderString(key, scope));
      assertSafeName(renderedKey);
      out[renderedKey] = renderDeep(item, scope);
    }
    return out;
  }
  return input;
}
function renderParts(parts, scope) {
  let out = "";
  for (const part of parts) {
    switch (part.kind) {
      case "text":
        out += part.text;
        break;
      case "expr":
        out += pythonString(value(part.node, { scope, expression: part.source }));
        break;
      case "if": {
        const branch = part.branches.find((candidate) => !candidate.test || truthy(value(candidate.test, { scope, expression: "if" })));
        if (branch)
          out += renderParts(branch.body, scope);
        break;
      }
      case "for": {
        const iterable = value(part.iterable, { scope, expression: part.source });
        const items = Array.isArray(iterable) ? iterable : iterable && typeof iterable === "object" ? Object.keys(iterable) : [];
        items.forEach((item, index) => {
          const locals = { loop: { index: index + 1, index0: index, first: index === 0, last: index === items.length - 1, length: items.length } };
          if (part.names.length === 1)
            locals[part.names[0]] = item;
          else
            part.names.forEach((name, position) => locals[name] = Array.isArray(item) ? item[position] : void 0);
          out += renderParts(part.body, withLocals(scope, locals));
        });
        break;
      }
    }
  }
  return out;
}
function templateExpressions(text2, bare) {
  if (bare) {
    const whole = WHOLE_EXPRESSION.exec(text2.trim());
    return { nodes: [parseExpression(whole ? whole[1] : text2.trim())], locals: [] };
  }
  const nodes2 = [];
  const locals = ["loop"];
  const walk = (parts) => {
    for (const part of parts) {
      if (part.kind === "expr")
        nodes2.push(part.node);
      else if (part.kind === "if") {
        for (const branch of part.branches) {
          if (branch.test)
            nodes2.push(branch.test);
          walk(branch.body);
        }
      } else if (part.kind === "for") {
        nodes2.push(part.iterable);
        locals.push(...part.names);
        walk(part.body);
      }
    }
  };
  walk(isTemplated(text2) ? parseTemplate(text2) : []);
  return { nodes: nodes2, locals };
}
function withLocals(scope, locals) {
  return {
    has: (name) => Object.prototype.hasOwnProperty.call(locals, name) || scope.has(name),
    get: (name) => Object.prototype.hasOwnProperty.call(locals, name) ? locals[name] : scope.get(name)
  };
}
function parseTemplate(text2) {
  let parts = templateCache.get(text2);
  if (!parts) {
    const tokens = splitTemplate(text2);
    const parser = { tokens, position: 0, text: text2 };
    parts = parseBlock(parser, []);
    if (parser.position < tokens.length)
      throw new TemplateError(`unexpected {% ${tokens[parser.position].value} %} in "${text2}"`);
    if (templateCache.size > 1e4)
      templateCache.clear();
    templateCache.set(text2, parts);
  }
  return parts;
}
function splitTemplate(text2) {
  const tokens = [];
  let last = 0;
  let index = text2.indexOf("{", 0);
  while (index >= 0 && index < text2.length) {
    const opener = text2.slice(index, index + 2);
    const closer = opener === "{{" ? "}}" : opener === "{%" ? "%}" : opener === "{#" ? "#}" : void 0;
    if (!closer) {
      index = text2.indexOf("{", index + 1);
      continue;
    }
    const end = closer === "#}" ? text2.indexOf("#}", index + 2) : findClose(text2, index + 2, closer);
    if (end < 0)
      throw new TemplateError(`unclosed '${opener}' in "${text2}"`);
    if (index > last)
      tokens.push({ kind: "text", value: text2.slice(last, index) });
    const inner = text2.slice(index + 2, end).replace(/^-/, "").replace(/-$/, "").trim();
    if (opener === "{{")
      tokens.push({ kind: "expr", value: inner });
    else if (opener === "{%")
      tokens.push({ kind: "stmt", value: inner });
    last = end + 2;
    index = text2.indexOf("{", last);
  }
  if (last < text2.length)
    tokens.push({ kind: "text", value: text2.slice(last) });
  return tokens;
}
function findClose(text2, start, closer) {
  let depth = 0;
  let quote2;
  for (let index = start; index < text2.length; index += 1) {
    const char = text2[index];
    if (quote2) {
      if (char === "\\")
        index += 1;
      else if (char === quote2)
        quote2 = void 0;
    } else if (char === '"' || char === "'") {
      quote2 = char;
    } else if (depth === 0 && text2.startsWith(closer, index)) {
      return index;
    } else if (char === "{" || char === "[" || char === "(") {
      depth += 1;
    } else if ((char === "}" || char === "]" || char === ")") && depth > 0) {
      depth -= 1;
    }
  }
  return -1;
}
function parseBlock(parser, stops) {
  const parts = [];
  while (parser.position < parser.tokens.length) {
    const token = parser.tokens[parser.position];
    if (token.kind === "text") {
      parts.push({ kind: "text", text: token.value });
      parser.position += 1;
    } else if (token.kind === "expr") {
      parts.push({ kind: "expr", node: parseExpression(token.value), source: token.value });
      parser.position += 1;
    } else {
      const keyword = token.value.split(/\s+/)[0];
      if (stops.includes(keyword))
        return parts;
      parser.position += 1;
      if (keyword === "if")
        parts.push(parseIf(parser, token.value.slice(2)));
      else if (keyword === "for")
        parts.push(parseFor(parser, token.value));
      else
        throw new TemplateError(`the statement {% ${token.value} %} is not supported in "${parser.text}"`, { hint: 'use if/elif/else/endif, for/endfor, or an expression "a if c else b"' });
    }
  }
  if (stops.length > 0)
    throw new TemplateError(`missing {% ${stops.at(-1)} %} in "${parser.text}"`);
  return parts;
}
function parseIf(parser, condition) {
  const branches = [];
  let test = parseExpression(condition.trim());
  for (; ; ) {
    const body = parseBlock(parser, ["elif", "else", "endif"]);
    branches.push({ test, body });
    const closing = parser.tokens[parser.position].value;
    parser.position += 1;
    if (closing.startsWith("endif"))
      return { kind: "if", branches };
    test = closing.startsWith("elif") ? parseExpression(closing.slice(4).trim()) : void 0;
  }
}
function parseFor(parser, statement) {
  const match2 = /^for\s+([A-Za-z_][\w]*(?:\s*,\s*[A-Za-z_][\w]*)*)\s+in\s+([\s\S]+)$/.exec(statement);
  if (!match2)
    throw new TemplateError(`cannot read {% ${statement} %}`, { hint: "write {% for x in list %}" });
  const body = parseBlock(parser, ["endfor"]);
  parser.position += 1;
  return { kind: "for", names: match2[1].split(",").map((name) => name.trim()), iterable: parseExpression(match2[2]), body, source: statement };
}

// dist/engine/load/inheritable.js
function tagList(value2) {
  if (value2 === void 0 || value2 === null)
    return [];
  if (Array.isArray(value2))
    return value2.map(String);
  return String(value2).split(",").map((item) => item.trim()).filter(Boolean);
}
function nameList(value2) {
  if (value2 === void 0 || value2 === null)
    return [];
  return [value2].flat().map(String);
}
function conditionList(value2) {
  if (value2 === void 0 || value2 === null)
    return [];
  return [value2].flat().map((item) => typeof item === "boolean" ? item ? "True" : "False" : String(item));
}
function inheritableFrom(node, at, role) {
  const value2 = (key) => node[key] ?? void 0;
  const anyErrorsFatal = value2("any_errors_fatal");
  return {
    at,
    when: conditionList(node.when),
    tags: tagList(node.tags),
    vars: value2("vars") ?? {},
    become: value2("become"),
    becomeUser: value2("become_user"),
    environment: value2("environment"),
    ignoreErrors: value2("ignore_errors"),
    noLog: value2("no_log"),
    runOnce: value2("run_once"),
    delegateTo: value2("delegate_to"),
    checkMode: value2("check_mode"),
    diff: value2("diff"),
    anyErrorsFatal: anyErrorsFatal === void 0 ? void 0 : isTrue(anyErrorsFatal),
    timeout: value2("timeout"),
    role
  };
}
function isTrue(value2) {
  return value2 === true || value2 === 1 || typeof value2 === "string" && ["yes", "y", "true", "t", "on", "1"].includes(value2.trim().toLowerCase());
}

// dist/engine/load/role.js
import { existsSync as existsSync5, readdirSync as readdirSync2, statSync as statSync5 } from "node:fs";
import { basename as basename5, dirname as dirname5, join as join5, resolve as resolve5 } from "node:path";

// dist/engine/load/argument-specs.js
var import_ajv2 = __toESM(require_ajv(), 1);
import { existsSync as existsSync2 } from "node:fs";
import { join as join2 } from "node:path";
var schemaChecker = new import_ajv2.Ajv({ strict: false });
var BOOLEAN_WORDS = "^(?:yes|no|y|n|true|false|t|f|on|off|1|0|Yes|No|Y|N|True|False|T|F|On|Off|YES|NO|TRUE|FALSE|ON|OFF)$";
var TYPES = {
  str: { type: ["string", "number", "boolean"] },
  path: { type: "string" },
  int: { anyOf: [{ type: "integer" }, { type: "string", pattern: "^\\s*[-+]?\\d+\\s*$" }] },
  float: { anyOf: [{ type: "number" }, { type: "string", pattern: "^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?\\s*$" }] },
  bool: { anyOf: [{ type: "boolean" }, { enum: [0, 1] }, { type: "string", pattern: BOOLEAN_WORDS }] },
  list: { type: ["array", "string"] },
  dict: { type: "object" },
  raw: {}
};
var OPTION_KEYS = ["type", "required", "default", "choices", "elements", "description", "options", "no_log", "aliases", "version_added", "apply_defaults"];
var ENTRY_KEYS = ["options", "short_description", "description", "author", "version_added"];
function roleArgumentSpec(dir, role, entry, meta) {
  const jsonSchema = join2(dir, "meta", "argument_specs.schema.json");
  if (existsSync2(jsonSchema))
    return jsonSchemaSpec(jsonSchema, role);
  const file = ["argument_specs.yaml", "argument_specs.yml"].map((name) => join2(dir, "meta", name)).find((path) => existsSync2(path));
  const document = file ? loadYamlFile(file) : meta;
  if (!document || typeof document !== "object" || Array.isArray(document))
    return void 0;
  const specs = document.argument_specs;
  if (specs === void 0 || specs === null)
    return void 0;
  const at = keyPositionOf(document, "argument_specs", { file: file ?? join2(dir, "meta", "main.yaml"), line: 1 });
  const entries = mapping3(specs, "argument_specs", at);
  const spec = entries[entry];
  if (spec === void 0 || spec === null)
    return void 0;
  const specAt = keyPositionOf(entries, entry, at);
  const body = mapping3(spec, `argument_specs.${entry}`, specAt);
  for (const key of Object.keys(body)) {
    if (!ENTRY_KEYS.includes(key))
      throw new CxError(`argument_specs.${entry} has no key '${key}'${didYouMean(key, ENTRY_KEYS)}`, { at: keyPositionOf(body, key, specAt) });
  }
  const summary = typeof body.short_description === "string" ? ` - ${body.short_description}` : "";
  return { schema: objectSchema(body.options, `role '${role}'`, specAt), at: specAt, taskName: `Validating arguments against arg spec '${entry}'${summary}` };
}
function jsonSchemaSpec(file, role) {
  const schema = loadYamlFile(file);
  const at = { file, line: 1 };
  if (!schema || typeof schema !== "object" || Array.isArray(schema))
    throw new CxError(`the argument schema of role '${role}' must be a JSON object`, { at });
  try {
    schemaChecker.compile(schema);
  } catch (error) {
    throw new CxError(`the argument schema of role '${role}' is not a valid JSON Schema: ${error.message}`, { at });
  }
  return { schema, at };
}
function objectSchema(options, owner, at) {
  if (options === void 0 || options === null)
    return { type: "object" };
  const entries = mapping3(options, `${owner}: options`, at);
  const properties = {};
  const required = [];
  for (const [name, option] of Object.entries(entries)) {
    const optionAt = keyPositionOf(entries, name, at);
    properties[name] = optionSchema(option, name, optionAt);
    if (option.required === true)
      required.push(name);
  }
  return required.length > 0 ? { type: "object", properties, required } : { type: "object", properties };
}
function optionSchema(value2, name, at) {
  const option = mapping3(value2 ?? {}, `option '${name}'`, at);
  for (const key of Object.keys(option)) {
    if (!OPTION_KEYS.includes(key))
      throw new CxError(`option '${name}' has no key '${key}'${didYouMean(key, OPTION_KEYS)}`, { at: keyPositionOf(option, key, at), hint: `an option takes: ${OPTION_KEYS.join(", ")}` });
  }
  const type = typeSchema(option.type ?? "str", name, keyPositionOf(option, "type", at));
  const schema = { ...type };
  if (option.type === "dict" && option.options != null)
    Object.assign(schema, objectSchema(option.options, `option '${name}'`, at));
  if (option.type === "list" && option.elements != null) {
    const items = option.elements === "dict" && option.options != null ? objectSchema(option.options, `option '${name}'`, at) : typeSchema(option.elements, name, keyPositionOf(option, "elements", at));
    schema.anyOf = [{ type: "array", items }, { type: "string" }];
    delete schema.type;
  }
  if (option.choices != null) {
    if (!Array.isArray(option.choices))
      throw new CxError(`option '${name}': choices must be a list, got ${describeValue(option.choices)}`, { at: keyPositionOf(option, "choices", at) });
    schema.enum = option.choices;
  }
  if (typeof option.description === "string")
    schema.description = option.description;
  else if (Array.isArray(option.description))
    schema.description = option.description.join(" ");
  if (option.default !== void 0)
    schema.default = option.default;
  return schema;
}
var OTHER_TYPE_NAMES = { string: "str", integer: "int", number: "float", boolean: "bool", array: "list", object: "dict", dictionary: "dict" };
function typeSchema(type, name, at) {
  const schema = typeof type === "string" ? TYPES[type] : void 0;
  if (schema)
    return structuredClone(schema);
  const word = typeof type === "string" ? type : "";
  const suggestion = OTHER_TYPE_NAMES[word.toLowerCase()] ? ` \u2014 did you mean '${OTHER_TYPE_NAMES[word.toLowerCase()]}'?` : didYouMean(word, Object.keys(TYPES));
  throw new CxError(`option '${name}' has unknown type ${describeValue(type)}${suggestion}`, { at, hint: `types: ${Object.keys(TYPES).join(", ")}` });
}
function mapping3(value2, what, at) {
  if (!value2 || typeof value2 !== "object" || Array.isArray(value2))
    throw new CxError(`${what} must be a mapping, got ${describeValue(value2)}`, { at: positionOf(value2, at) });
  return value2;
}

// dist/engine/modules/assert.js
var MESSAGE = { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] };
var assertModule = {
  name: "assert",
  argsSchema: {
    type: "object",
    properties: {
      that: { type: ["string", "array", "boolean"] },
      fail_msg: MESSAGE,
      msg: MESSAGE,
      success_msg: MESSAGE,
      quiet: { type: "boolean", default: false }
    },
    required: ["that"],
    additionalProperties: false
  },
  checkMode: "full",
  diffMode: "none",
  runsOn: "controller",
  async run(ctx) {
    const conditions2 = [ctx.args.that].flat();
    for (const condition of conditions2) {
      const passed = typeof condition === "boolean" ? condition : truthy(ctx.evaluate(String(condition)));
      if (!passed) {
        return { changed: false, failed: true, assertion: condition, evaluated_to: false, msg: ctx.args.fail_msg ?? ctx.args.msg ?? "Assertion failed" };
      }
    }
    return { changed: false, msg: ctx.args.success_msg ?? "All assertions passed" };
  }
};

// dist/engine/modules/lib/run-command.js
import { randomBytes } from "node:crypto";

// dist/engine/modules/lib/python-time.js
function pythonTime(date) {
  const pad = (value2, width = 2) => String(value2).padStart(width, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds() * 1e3, 6)}`;
}
function pythonDelta(ms) {
  const hours = Math.floor(ms / 36e5);
  const minutes = Math.floor(ms / 6e4) % 60;
  const seconds = Math.floor(ms / 1e3) % 60;
  return `${hours}:${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}.${String(ms % 1e3 * 1e3).padStart(6, "0")}`;
}
function pythonRounded(value2) {
  const text2 = (Math.round(value2 * 100) / 100).toString();
  return text2.includes(".") ? text2 : `${text2}.0`;
}

// dist/engine/modules/lib/report.js
var REPORT_FUNCTIONS = [
  `cx_report() { printf '@@cx %s=%s\\n' "$1" "$2"; }`,
  // Values that need no encoding (names, numbers, plain paths) are reported as they are: no base64 process.
  `cx_report64() { case $2 in *[!A-Za-z0-9_./@+,:=-]*) printf '@@cx %s:=' "$1"; printf '%s' "$2" | base64 | tr -d '\\n'; printf '\\n';; *) cx_report "$1" "$2";; esac; }`,
  'cx_fail() { cx_report64 msg "$1"; cx_report failed 1; exit 0; }',
  ""
].join("\n");
function parseReport(stdout) {
  const report = {};
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("@@cx "))
      continue;
    const body = line.slice(5);
    const encoded = /^([A-Za-z0-9_]+):=(.*)$/.exec(body);
    if (encoded) {
      report[encoded[1]] = Buffer.from(encoded[2], "base64").toString("utf8");
      continue;
    }
    const plain = /^([A-Za-z0-9_]+)=(.*)$/.exec(body);
    if (plain)
      report[plain[1]] = plain[2];
  }
  return report;
}
function reportedFailure(report, extra = {}) {
  if (report.failed !== "1")
    return void 0;
  return { changed: false, failed: true, msg: report.msg ?? "the remote script failed", ...extra };
}
function scriptFailure(rc, stderr) {
  return { changed: false, failed: true, rc, msg: stderr.trim() || `the remote script exited with ${rc}` };
}

// dist/engine/modules/lib/run-command.js
var COMMAND_ARGS = {
  _raw_params: { type: "string" },
  cmd: { type: "string" },
  chdir: { type: "string" },
  creates: { type: "string" },
  removes: { type: "string" },
  executable: { type: "string" },
  stdin: { type: "string" },
  stdin_add_newline: { type: "boolean", default: true },
  strip_empty_ends: { type: "boolean", default: true },
  /** Gone from Ansible 2.14's command; accepted and ignored so older playbooks load. */
  warn: { type: "boolean" }
};
async function runCommand(ctx, useShell) {
  const { args: args2 } = ctx;
  const raw = args2.cmd ?? args2._raw_params;
  const argv = args2.argv?.map(String);
  if ((!raw || raw.trim() === "") && !argv?.length)
    return commandFailure(null, 256, "no command given");
  if (raw && argv?.length)
    return commandFailure(null, 256, "only command or argv can be given, not both");
  if (!useShell && args2.executable !== void 0) {
    ctx.warn(`As of Ansible 2.4, the parameter 'executable' is no longer supported with the 'command' module. Not using '${String(args2.executable)}'.`);
  }
  const words = useShell ? void 0 : argv ?? splitCommandLine(raw);
  const cmd = useShell ? raw : words;
  const marker = `@@cx-${randomBytes(8).toString("hex")}`;
  const started = /* @__PURE__ */ new Date();
  const result = await ctx.exec(commandScript(ctx, marker, raw, words));
  const ended = /* @__PURE__ */ new Date();
  const outcome = readOutcome(result.stdout, marker);
  if (outcome)
    return notRun(ctx, outcome, cmd);
  const strip = args2.strip_empty_ends !== false;
  const stdout = strip ? result.stdout.replace(/[\r\n]+$/, "") : result.stdout;
  const stderr = strip ? result.stderr.replace(/[\r\n]+$/, "") : result.stderr;
  const out = {
    changed: true,
    cmd,
    rc: result.rc,
    stdout,
    stderr,
    stdout_lines: splitLines(stdout),
    stderr_lines: splitLines(stderr),
    start: pythonTime(started),
    end: pythonTime(ended),
    delta: pythonDelta(ended.getTime() - started.getTime()),
    msg: ""
  };
  if (result.rc !== 0) {
    out.failed = true;
    out.msg = "non-zero return code";
  }
  return out;
}
function readOutcome(stdout, marker) {
  if (!stdout.startsWith(`${marker}
`))
    return void 0;
  const report = parseReport(stdout);
  if (report.outcome === "creates" || report.outcome === "removes")
    return { kind: "skipped", reason: report.outcome };
  if (report.outcome === "chdir_failed")
    return { kind: "chdir_failed" };
  if (report.outcome === "missing")
    return { kind: "missing", program: report.program ?? "" };
  return { kind: "check" };
}
function notRun(ctx, outcome, cmd) {
  const { args: args2 } = ctx;
  switch (outcome.kind) {
    case "chdir_failed":
      return commandFailure(cmd, null, `Unable to change directory before execution: [Errno 2] No such file or directory: b'${String(args2.chdir)}'`);
    case "missing":
      return commandFailure(cmd, 2, `[Errno 2] No such file or directory: b'${outcome.program}'`);
    case "skipped": {
      const path = String(outcome.reason === "creates" ? args2.creates : args2.removes);
      const stdout = outcome.reason === "creates" ? `skipped, since ${path} exists` : `skipped, since ${path} does not exist`;
      const verb = ctx.check ? "Would" : "Did";
      return {
        changed: false,
        cmd,
        rc: 0,
        stdout,
        stderr: "",
        stdout_lines: [stdout],
        stderr_lines: [],
        msg: `${verb} not run command since '${path}' ${outcome.reason === "creates" ? "exists" : "does not exist"}`,
        start: null,
        end: null,
        delta: null
      };
    }
    case "check": {
      const decidedByPath = args2.creates !== void 0 || args2.removes !== void 0;
      const out = { changed: decidedByPath, cmd, rc: 0, stdout: "", stderr: "", stdout_lines: [], stderr_lines: [], msg: "Command would have run if not in check mode", start: null, end: null, delta: null };
      if (!decidedByPath)
        out.skipped = true;
      return out;
    }
  }
}
function commandFailure(cmd, rc, msg) {
  return { changed: false, failed: true, cmd, rc, msg, stdout: "", stderr: "", stdout_lines: [], stderr_lines: [], start: null, end: null, delta: null };
}
function commandScript(ctx, marker, raw, words) {
  const { args: args2 } = ctx;
  const parts = [
    `cx_stop() { printf '%s\\n@@cx outcome=%s\\n' ${quote(marker)} "$1"; exit 0; }`,
    // A glob that matches nothing stays as written, so -e on each word tells whether anything matched.
    `cx_exists() { ( IFS='
'; set +f; for p in $1; do if [ -e "$p" ] || [ -L "$p" ]; then exit 0; fi; done; exit 1 ); }`
  ];
  if (args2.chdir !== void 0)
    parts.push(`cd -- ${quote(String(args2.chdir))} 2>/dev/null || cx_stop chdir_failed`);
  if (args2.creates !== void 0)
    parts.push(`cx_exists ${quote(String(args2.creates))} && cx_stop creates`);
  if (args2.removes !== void 0)
    parts.push(`cx_exists ${quote(String(args2.removes))} || cx_stop removes`);
  if (ctx.check) {
    parts.push("cx_stop check");
    return parts.join("\n");
  }
  let command;
  if (words) {
    const program2 = words[0];
    const found = program2.includes("/") ? `[ -e ${quote(program2)} ]` : `command -v ${quote(program2)} >/dev/null 2>&1`;
    parts.push(`${found} || { printf '%s\\n@@cx outcome=missing\\n@@cx program=%s\\n' ${quote(marker)} ${quote(program2)}; exit 0; }`);
    command = words.map(quote).join(" ");
  } else {
    const executable = typeof args2.executable === "string" ? args2.executable : "/bin/sh";
    command = `${quote(executable)} -c ${quote(raw)}`;
  }
  if (typeof args2.stdin === "string") {
    const data = args2.stdin_add_newline === false ? args2.stdin : `${args2.stdin}
`;
    parts.push(heredocBase64("base64 -d", data, `| ${command}`));
  } else {
    parts.push(`exec ${command} </dev/null`);
  }
  return parts.join("\n");
}
function splitLines(text2) {
  if (text2 === "")
    return [];
  const lines = text2.split(/\r\n|\n|\r/);
  if (/[\r\n]$/.test(text2))
    lines.pop();
  return lines;
}

// dist/engine/modules/command.js
var commandModule = {
  name: "command",
  argsSchema: {
    type: "object",
    properties: { ...COMMAND_ARGS, argv: { type: "array", items: { type: ["string", "number"] } } },
    additionalProperties: false
  },
  freeForm: true,
  checkMode: "partial",
  diffMode: "none",
  runsOn: "target",
  run: (ctx) => runCommand(ctx, false)
};

// dist/engine/modules/copy.js
import { readFileSync as readFileSync2, statSync as statSync3 } from "node:fs";
import { basename as basename2 } from "node:path";

// dist/engine/modules/lib/file-attributes.js
var ATTRIBUTE_SCHEMA = {
  mode: { type: ["string", "integer"] },
  owner: { type: "string" },
  group: { type: "string" }
};
var SYMBOLIC_MODE = /^[ugoa]*([-+=]([rwxXst]*|[ugo]))+(,[ugoa]*([-+=]([rwxXst]*|[ugo]))+)*$/;
function normalizeMode(mode) {
  if (mode === void 0 || mode === null || mode === "")
    return void 0;
  if (typeof mode === "number") {
    if (!Number.isInteger(mode) || mode < 0 || mode > 4095)
      throw invalidMode(String(mode));
    return mode.toString(8).padStart(4, "0");
  }
  const text2 = String(mode).trim();
  if (/^[0-7]{1,5}$/.test(text2) && Number.parseInt(text2, 8) <= 4095)
    return Number.parseInt(text2, 8).toString(8).padStart(4, "0");
  if (SYMBOLIC_MODE.test(text2))
    return text2;
  throw invalidMode(text2);
}
function invalidMode(text2) {
  return new CxError(`mode '${text2}' is not valid`, { hint: "use an octal string such as '0644' (quoted) or a symbolic mode such as u=rw,g=r,o=r" });
}
function attributesFrom(args2) {
  return {
    mode: normalizeMode(args2.mode),
    owner: args2.owner === void 0 || args2.owner === null ? void 0 : String(args2.owner),
    group: args2.group === void 0 || args2.group === null ? void 0 : String(args2.group)
  };
}
function attributeFunctions(attributes, check) {
  const { mode, owner, group } = attributes;
  const apply = (command) => check ? ":" : command;
  const symbolic = mode !== void 0 && !/^[0-7]{4}$/.test(mode);
  return `${[
    // cx_pad_mode sets cx_m to four octal digits; cx_stat_mode PATH sets cx_m to PATH's mode (one stat, no subshell).
    'cx_pad_mode() { cx_m=$1; while [ ${#cx_m} -lt 4 ]; do cx_m="0$cx_m"; done; }',
    'cx_stat_mode() { cx_m=$(stat -c %a "$1") || return 1; cx_pad_mode "$cx_m"; }',
    `cx_mode() { cx_stat_mode "$1" || return 1; printf '%s' "$cx_m"; }`,
    // cx_stat_all PATH keeps PATH's attributes in cx_st (and PATH in cx_st_path, emptied when they change);
    // cx_split_stat sets cx_m (mode), cx_su, cx_sg (uid, gid) from them.
    `cx_stat_all() { cx_st_path=$1; cx_st=$(stat -c '%a|%u|%g|%s|%U|%G' "$1") || { cx_st=; cx_st_path=; }; }`,
    'cx_split_stat() { cx_t=$1; if [ -z "$cx_t" ]; then cx_m=; cx_su=; cx_sg=; return; fi; cx_pad_mode "${cx_t%%|*}"; cx_t=${cx_t#*|}; cx_su=${cx_t%%|*}; cx_t=${cx_t#*|}; cx_sg=${cx_t%%|*}; }',
    "cx_st_path=",
    // "MODE UID GID" of a path, from one stat.
    `cx_mode_ids() { cx_t=$(stat -c '%a %u %g' "$1") || return 1; cx_pad_mode "\${cx_t%% *}"; printf '%s %s' "$cx_m" "\${cx_t#* }"; }`,
    // The mode a symbolic chmod gives a file of this kind (f or d) that has mode $2.
    'cx_symbolic() { if [ "$1" = d ]; then cx_t=$(mktemp -d); else cx_t=$(mktemp); fi || cx_fail "cannot create a scratch file to work out the mode"; chmod "$2" "$cx_t" && chmod "$3" "$cx_t" && cx_mode "$cx_t"; cx_rc=$?; rm -rf "$cx_t"; return $cx_rc; }',
    'cx_kind() { if [ -d "$1" ]; then echo d; else echo f; fi; }',
    `cx_want_mode() { ${!mode ? 'cx_mode "$1"' : symbolic ? `cx_symbolic "$(cx_kind "$1")" "$(cx_mode "$1")" ${quote(mode)}` : `printf '%s' ${quote(mode)}`}; }`,
    "cx_resolve_ids() {",
    owner ? `  case ${quote(owner)} in *[!0-9]*) cx_uid=$(id -u -- ${quote(owner)} 2>/dev/null) || cx_fail "chown failed: failed to look up user "${quote(owner)};; *) cx_uid=${quote(owner)};; esac` : "  :",
    group ? `  case ${quote(group)} in *[!0-9]*) cx_gid=$( (getent group ${quote(group)} 2>/dev/null || awk -F: -v g=${quote(group)} '$1 == g' /etc/group) | cut -d: -f3 | head -n 1); [ -n "$cx_gid" ] || cx_fail "chgrp failed: failed to look up group "${quote(group)};; *) cx_gid=${quote(group)};; esac` : "  :",
    "}",
    "cx_attributes() {",
    "  attr_changed=0",
    mode || owner || group ? '  cx_stat_all "$1"; cx_split_stat "$cx_st"' : "",
    mode ? `  cx_cur=$cx_m; ${symbolic ? `cx_new=$(cx_want_mode "$1") || cx_fail "could not work out mode "${quote(mode)}` : `cx_new=${quote(mode)}`}; if [ "$cx_cur" != "$cx_new" ]; then attr_changed=1; cx_report mode_before "$cx_cur"; cx_report mode_after "$cx_new"; ${apply('chmod "$cx_new" "$1" || cx_fail "chmod failed on $1"')}; fi` : "",
    owner ? `  cx_cur=$cx_su; if [ "$cx_cur" != "$cx_uid" ]; then attr_changed=1; cx_report uid_before "$cx_cur"; cx_report uid_after "$cx_uid"; ${apply('chown "$cx_uid" "$1" || cx_fail "chown failed on $1"')}; fi` : "",
    group ? `  cx_cur=$cx_sg; if [ "$cx_cur" != "$cx_gid" ]; then attr_changed=1; cx_report gid_before "$cx_cur"; cx_report gid_after "$cx_gid"; ${apply('chgrp "$cx_gid" "$1" || cx_fail "chgrp failed on $1"')}; fi` : "",
    '  [ "$attr_changed" = 1 ] && cx_st_path=',
    "  :",
    "}",
    "cx_attributes_recursive() {",
    "  attr_changed=0",
    // One scratch-file comparison per distinct (kind, mode) pair in the tree, not per file.
    mode ? `  cx_diff=$(find "$1" ! -type l -exec stat -c '%F|%a' {} + | sed 's/^directory|/d|/;s/^[^d][^|]*|/f|/' | sort -u | while IFS='|' read -r cx_k cx_a; do cx_want=${symbolic ? `$(cx_symbolic "$cx_k" "$cx_a" ${quote(mode)})` : quote(mode)}; [ "$cx_want" = "$(printf '%04d' "$cx_a")" ] || { echo x; break; }; done); [ -n "$cx_diff" ] && { attr_changed=1; ${apply(`chmod -R ${quote(mode)} "$1" || cx_fail "chmod failed under $1"`)}; }` : "",
    owner ? `  [ -n "$(find "$1" ! -user "$cx_uid" -print | head -n 1)" ] && { attr_changed=1; ${apply('chown -R "$cx_uid" "$1" || cx_fail "chown failed under $1"')}; }` : "",
    group ? `  [ -n "$(find "$1" ! -group "$cx_gid" -print | head -n 1)" ] && { attr_changed=1; ${apply('chgrp -R "$cx_gid" "$1" || cx_fail "chgrp failed under $1"')}; }` : "",
    '  [ "$attr_changed" = 1 ] && cx_st_path=',
    "  :",
    "}",
    // All six from one stat, split with parameter expansions (user and group names hold no '|');
    // `cached`: from cx_attributes' stat of the same path when nothing changed since.
    "cx_report_attributes() {",
    `  if [ "$2" = cached ] && [ -n "$cx_st_path" ] && [ "$cx_st_path" = "$1" ]; then cx_t=$cx_st; else cx_t=$(stat -c '%a|%u|%g|%s|%U|%G' "$1"); fi`,
    '  cx_pad_mode "${cx_t%%|*}"; cx_t=${cx_t#*|}; cx_report mode "$cx_m"; cx_reported_ids="$cx_m ${cx_t%%|*}"',
    '  cx_report uid "${cx_t%%|*}"; cx_t=${cx_t#*|}; cx_reported_ids="$cx_reported_ids ${cx_t%%|*}"; cx_report gid "${cx_t%%|*}"; cx_t=${cx_t#*|}',
    '  cx_report size "${cx_t%%|*}"; cx_t=${cx_t#*|}; cx_report64 owner "${cx_t%%|*}"; cx_report64 group "${cx_t#*|}"',
    "}"
  ].filter(Boolean).join("\n")}
`;
}
function prepareTempScript(attributes, tempVar, existingVar) {
  const temp = `"$${tempVar}"`;
  const existing = `"$${existingVar}"`;
  const abort = (what) => ` || { rm -f ${temp}; cx_fail ${quote(what)}; }`;
  const base = `if [ -e ${existing} ]; then cx_base=$(cx_mode ${existing}); else cx_base=$(printf '%04o' $((0666 & ~$(umask)))); fi`;
  const lines = [];
  if (!attributes.mode)
    lines.push(base, `chmod "$cx_base" ${temp}${abort("chmod failed on the temporary file")}`);
  else if (/^[0-7]{4}$/.test(attributes.mode))
    lines.push(`chmod ${quote(attributes.mode)} ${temp}${abort("chmod failed on the temporary file")}`);
  else
    lines.push(base, `chmod "$(cx_symbolic f "$cx_base" ${quote(attributes.mode)})" ${temp}${abort("chmod failed on the temporary file")}`);
  if (attributes.owner)
    lines.push(`chown "$cx_uid" ${temp}${abort(`chown failed: could not give the file to ${attributes.owner}`)}`);
  else
    lines.push(`[ -e ${existing} ] && chown "$(stat -c %u ${existing})" ${temp} 2>/dev/null`);
  if (attributes.group)
    lines.push(`chgrp "$cx_gid" ${temp}${abort(`chgrp failed: could not give the file to group ${attributes.group}`)}`);
  else
    lines.push(`[ -e ${existing} ] && chgrp "$(stat -c %g ${existing})" ${temp} 2>/dev/null`);
  return `${lines.join("\n")}
`;
}

// dist/engine/modules/lib/write-file.js
import { createHash as createHash2, randomBytes as randomBytes2, randomInt } from "node:crypto";
var MAX_DIFF_BYTES = 100 * 1024;
var LARGE_CONTENT_BYTES = 256 * 1024;
async function writeFile(ctx, request) {
  return (await writeFileDetailed(ctx, request)).result;
}
async function writeFileDetailed(ctx, request) {
  const content = Buffer.isBuffer(request.content) ? request.content : void 0;
  const checksum = content ? createHash2("sha1").update(content).digest("hex") : void 0;
  if (request.validate !== void 0 && !request.validate.includes("%s")) {
    return { result: { changed: false, failed: true, msg: `validate must contain %s: ${request.validate}` }, attributesChanged: false };
  }
  const large = content !== void 0 && content.length > LARGE_CONTENT_BYTES;
  let result = await ctx.exec(writeScript(ctx, request, checksum, large ? "probe" : "write"));
  let report = parseReport(result.stdout);
  if (report.needs_content === "1") {
    result = await ctx.exec(writeScript(ctx, request, checksum, "write"));
    report = parseReport(result.stdout);
  }
  const failure = reportedFailure(report, { dest: report.dest ?? request.dest });
  if (failure) {
    const validation = report.validate_rc === void 0 ? {} : { exit_status: Number(report.validate_rc), stdout: report.validate_out ?? "", stderr: report.validate_err ?? "" };
    return { result: { ...failure, ...validation }, attributesChanged: false };
  }
  if (!report.dest)
    return { result: scriptFailure(result.rc, result.stderr), attributesChanged: false };
  return { result: writtenResult(ctx, request, report, content, checksum ?? report.checksum), attributesChanged: report.attributes_changed === "1" };
}
function writtenResult(ctx, request, report, content, checksum) {
  const out = { changed: report.changed === "1", dest: report.dest, checksum, state: "file" };
  if (report.mode !== void 0) {
    Object.assign(out, { mode: report.mode, owner: report.owner, group: report.group, uid: Number(report.uid), gid: Number(report.gid), size: Number(report.size) });
  } else if (content) {
    out.size = content.length;
  }
  if (report.backup_file)
    out.backup_file = report.backup_file;
  if (report.md5sum)
    out.md5sum = report.md5sum;
  else if (!ctx.check)
    out.path = report.dest;
  if (ctx.diff && report.content_changed === "1")
    out.diff = contentDiff(report, request, content);
  return out;
}
function contentDiff(report, request, content) {
  const tooBig = (content?.length ?? 0) > MAX_DIFF_BYTES || report.before_too_big === "1" || report.after_too_big === "1";
  return {
    before: tooBig ? "" : (report.before ?? "x").slice(0, -1),
    after: tooBig ? "" : content ? content.toString("utf8") : (report.after ?? "x").slice(0, -1),
    before_header: report.dest ?? request.dest,
    after_header: request.sourceLabel
  };
}
function writeScript(ctx, request, checksum, mode) {
  const { check, diff } = ctx;
  const content = Buffer.isBuffer(request.content) ? request.content : void 0;
  const name = request.nameInDirectory;
  return [
    REPORT_FUNCTIONS,
    attributeFunctions(request.attributes, check),
    "tmp= cx_vout= cx_verr= cx_old=",
    // The temp files go away whatever happens, even when the exec is ended by a timeout or an interrupt.
    'trap \'rm -f -- ${tmp:+"$tmp"} ${cx_vout:+"$cx_vout"} ${cx_verr:+"$cx_verr"}\' EXIT',
    "trap 'exit 143' TERM HUP INT",
    `dest=${quote(request.dest)}`,
    name ? `[ -d "$dest" ] && dest="\${dest%/}/"${quote(name)}` : '[ -d "$dest" ] && cx_fail "can not use content with a dir as dest"',
    request.follow ? '[ -L "$dest" ] && dest=$(readlink -f -- "$dest")' : "",
    'cx_report64 dest "$dest"',
    "cx_resolve_ids",
    checksum ? `want_sum=${checksum}` : remoteSourceScript(request, diff),
    "content_changed=0",
    `if [ -f "$dest" ]; then current=$(sha1sum < "$dest") || cx_fail "cannot read $dest"; current=\${current%% *}; [ "$current" = "$want_sum" ] || content_changed=1; elif [ -e "$dest" ]; then cx_fail "Destination $dest exists and is not a regular file"; else content_changed=1; fi`,
    // Without follow a symlink at dest is replaced by the file, as Ansible's copy does.
    request.follow ? "" : '[ -L "$dest" ] && content_changed=1',
    expectedChecksumScript(request.expectedChecksum),
    request.force ? "" : '[ -f "$dest" ] && content_changed=0',
    // dirname without a process, for the usual absolute path without a trailing slash.
    'case $dest in */) dir=$(dirname -- "$dest");; /*/*) dir=${dest%/*};; /*) dir=/;; *) dir=$(dirname -- "$dest");; esac',
    request.makeParents ? `[ -d "$dir" ] || ${check ? ":" : 'out=$(mkdir -p -- "$dir" 2>&1) || cx_fail "Error creating $dir ($out)"'}` : (
      // In check mode a missing directory may be one an earlier task would have made: predict, as Ansible does.
      `[ -d "$dir" ] || ${check ? ":" : 'cx_fail "Destination directory $dir does not exist"'}`
    ),
    mode === "probe" && !check ? '[ "$content_changed" = 1 ] && { cx_report needs_content 1; exit 0; }' : "",
    'cx_report content_changed "$content_changed"',
    diff ? `if [ "$content_changed" = 1 ] && [ -f "$dest" ]; then if [ "$(stat -c %s "$dest")" -le ${MAX_DIFF_BYTES} ]; then cx_report64 before "$(cat -- "$dest"; printf x)"; else cx_report before_too_big 1; fi; fi` : "",
    "attr_changed=0",
    '[ -e "$dest" ] && [ "$content_changed" = 0 ] && cx_attributes "$dest"',
    'cx_report attributes_changed "$attr_changed"',
    'if [ "$content_changed" = 1 ] || [ "$attr_changed" = 1 ]; then cx_report changed 1; else cx_report changed 0; fi',
    // cx_attributes ran only when the content was right, and it forgets its stat when it changes anything.
    check ? '[ -e "$dest" ] && cx_report_attributes "$dest" cached; exit 0' : "",
    mode === "write" ? writeBlock(request) : "",
    checksum ? "" : 'cx_report checksum "$want_sum"',
    'cx_report_attributes "$dest" cached',
    // After a write: did the attributes differ from what the file had (or a new file would have had)?
    '[ -n "$cx_old" ] && [ "$cx_old" != "$cx_reported_ids" ] && cx_report attributes_changed 1',
    // The md5 of content we sent is known here; only a remote source is summed there.
    content ? `[ "$content_changed" = 1 ] && cx_report md5sum ${createHash2("md5").update(content).digest("hex")}` : '[ "$content_changed" = 1 ] && { cx_s=$(md5sum < "$dest"); cx_report md5sum "${cx_s%% *}"; }'
  ].filter(Boolean).join("\n");
}
function writeBlock(request) {
  return [
    // The shell's effective uid and gid (what `id -u` and `id -g` print), read from /proc without a process.
    'cx_effective_ids() { cx_ids=; while read -r cx_k cx_r cx_e cx_rest; do case $cx_k in Uid:) cx_ids=$cx_e;; Gid:) cx_ids="$cx_ids $cx_e";; esac; done 2>/dev/null < /proc/self/status; case $cx_ids in *" "*) ;; *) cx_ids="$(id -u) $(id -g)";; esac; }',
    'if [ "$content_changed" = 1 ]; then',
    // Created 0600 and exclusively (noclobber) under a random name: mktemp without its process.
    `  tmp="$dir/.cxplay.${randomBytes2(6).toString("hex")}"; (umask 077; set -C; : > "$tmp") 2>/dev/null || { tmp=; cx_fail "cannot create a temporary file in $dir"; }`,
    contentScript(request),
    prepareTempScript(request.attributes, "tmp", "dest"),
    request.validate === void 0 ? "" : validateBlock(request.validate),
    // Ansible's name (dest.PID.time~), with a random number for the pid: scripts of one shell session share theirs.
    request.backup ? `  if [ -f "$dest" ]; then backup="$dest.${randomInt(1e4, 1e5)}.$(date +%Y-%m-%d@%H:%M:%S)~"; cp -p -- "$dest" "$backup" && cx_report64 backup_file "$backup"; fi` : "",
    // What the file's attributes were (or would be, for a new file) without the wanted ones: did they change?
    `  if [ -e "$dest" ]; then cx_old=$(cx_mode_ids "$dest"); else cx_effective_ids; cx_old="$(printf '%04o' $((0666 & ~$(umask)))) $cx_ids"; fi`,
    '  mv -f -- "$tmp" "$dest" || cx_fail "could not rename the temporary file to $dest; the original is unchanged"',
    "  tmp=",
    "fi"
  ].filter(Boolean).join("\n");
}
function contentScript(request) {
  const failed = `cx_fail ${quote(`could not write ${request.dest} (disk full or read-only?); the original is unchanged`)}`;
  if (!Buffer.isBuffer(request.content))
    return `  cat -- "$src" > "$tmp" || ${failed}`;
  const text2 = request.content.toString("utf8");
  if (request.content.length <= LARGE_CONTENT_BYTES && !text2.includes("\0") && Buffer.from(text2, "utf8").equals(request.content)) {
    return `  printf '%s' ${quote(text2)} > "$tmp" || ${failed}`;
  }
  return heredocBase64('  base64 -d > "$tmp"', request.content, `|| ${failed}`);
}
function expectedChecksumScript(expected) {
  if (expected === void 0)
    return "";
  const changedMeanwhile = 'cx_fail "$dest was changed by someone else while this task edited it; run the task again"';
  if (expected === null)
    return `[ -e "$dest" ] && [ "$content_changed" = 1 ] && ${changedMeanwhile}`;
  return `[ -f "$dest" ] && [ "$content_changed" = 1 ] && [ "$current" != ${quote(expected)} ] && ${changedMeanwhile}`;
}
function remoteSourceScript(request, diff) {
  const { remotePath } = request.content;
  return [
    `src=${quote(remotePath)}`,
    '[ -e "$src" ] || cx_fail "Source $src not found"',
    '[ -d "$src" ] && cx_fail "copying a directory with remote_src is not supported"',
    'want_sum=$(sha1sum < "$src" | cut -c1-40) || cx_fail "Source $src not readable"',
    diff ? `if [ "$(stat -c %s -- "$src")" -le ${MAX_DIFF_BYTES} ]; then cx_report64 after "$(cat -- "$src"; printf x)"; else cx_report after_too_big 1; fi` : ""
  ].filter(Boolean).join("\n");
}
function validateBlock(validate) {
  const words = splitCommandLine(validate).map((word) => word.split("%s").map(quote).join('"$tmp"'));
  return [
    `  cx_vout=$(mktemp) && cx_verr=$(mktemp) || cx_fail "cannot create a temporary file"`,
    `  ${words.join(" ")} >"$cx_vout" 2>"$cx_verr" </dev/null; cx_vrc=$?`,
    '  if [ "$cx_vrc" != 0 ]; then cx_report validate_rc "$cx_vrc"; cx_report64 validate_out "$(cat "$cx_vout")"; cx_report64 validate_err "$(cat "$cx_verr")"; rm -f "$cx_vout" "$cx_verr"; cx_fail "failed to validate"; fi',
    '  rm -f "$cx_vout" "$cx_verr"'
  ].join("\n");
}

// dist/engine/modules/copy.js
var copyModule = {
  name: "copy",
  argsSchema: {
    type: "object",
    properties: {
      src: { type: "string" },
      content: { type: ["string", "number", "boolean", "object", "array"] },
      dest: { type: "string" },
      force: { type: "boolean", default: true },
      backup: { type: "boolean", default: false },
      remote_src: { type: "boolean", default: false },
      validate: { type: "string" },
      follow: { type: "boolean", default: false },
      ...ATTRIBUTE_SCHEMA
    },
    required: ["dest"],
    additionalProperties: false
  },
  checkMode: "full",
  diffMode: "full",
  runsOn: "target",
  async run(ctx) {
    const { args: args2 } = ctx;
    if (args2.src === void 0 && args2.content === void 0)
      return { changed: false, failed: true, msg: "src (or content) is required" };
    if (args2.src !== void 0 && args2.content !== void 0)
      return { changed: false, failed: true, msg: "src and content are mutually exclusive" };
    const common = { dest: String(args2.dest), force: args2.force !== false, backup: args2.backup === true, validate: args2.validate, follow: args2.follow === true };
    if (args2.content !== void 0) {
      const content = Buffer.from(contentText(args2.content), "utf8");
      return writeFile(ctx, { ...common, content, attributes: attributesFrom(args2), sourceLabel: String(args2.dest) });
    }
    if (args2.remote_src === true) {
      if (args2.mode === "preserve")
        return { changed: false, failed: true, msg: "mode 'preserve' is not supported with remote_src" };
      const src = String(args2.src);
      const result = await writeFile(ctx, { ...common, content: { remotePath: src }, attributes: attributesFrom(args2), sourceLabel: src, nameInDirectory: basename2(src) });
      return withSource(result, src);
    }
    return copyLocalFile(ctx, common);
  }
};
async function copyLocalFile(ctx, common) {
  const { args: args2 } = ctx;
  const path = ctx.resolveSource(String(args2.src), "files");
  const stats = statSync3(path);
  if (stats.isDirectory()) {
    throw new CxError(`copy: src '${String(args2.src)}' is a directory; copying directories is not supported`, { hint: "copy the files one by one (loop), or use synchronize-like tooling" });
  }
  const mode = args2.mode === "preserve" ? normalizeMode(stats.mode & 4095) : args2.mode;
  const intoDirectory = common.dest.endsWith("/");
  const result = await writeFile(ctx, {
    ...common,
    dest: intoDirectory ? `${common.dest}${basename2(path)}` : common.dest,
    makeParents: intoDirectory,
    content: readFileSync2(path),
    attributes: attributesFrom({ ...args2, mode }),
    sourceLabel: path,
    nameInDirectory: basename2(path)
  });
  return withSource(result, String(args2.src));
}
function contentText(content) {
  if (typeof content === "string")
    return content;
  if (typeof content === "boolean")
    return content ? "True" : "False";
  if (typeof content === "number")
    return String(content);
  return pythonJson(content);
}
function pythonJson(value2) {
  if (Array.isArray(value2))
    return `[${value2.map(pythonJson).join(", ")}]`;
  if (value2 && typeof value2 === "object")
    return `{${Object.entries(value2).map(([key, item]) => `${pythonJson(key)}: ${pythonJson(item)}`).join(", ")}}`;
  return (JSON.stringify(value2) ?? "null").replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function withSource(result, src) {
  return result.failed ? result : { ...result, src };
}

// dist/engine/modules/debug.js
var debugModule = {
  name: "debug",
  argsSchema: {
    type: "object",
    properties: { msg: {}, var: { type: "string" }, verbosity: { type: "integer", default: 0 } },
    additionalProperties: false
  },
  checkMode: "full",
  diffMode: "none",
  runsOn: "controller",
  async run(ctx) {
    const { args: args2 } = ctx;
    if (args2.msg !== void 0 && args2.var !== void 0)
      return { changed: false, failed: true, msg: "'msg' and 'var' are incompatible options" };
    if (Number(args2.verbosity ?? 0) > ctx.verbosity)
      return { changed: false, failed: false, skipped: true, skipped_reason: "Verbosity threshold not met." };
    if (args2.var === void 0)
      return { changed: false, failed: false, msg: args2.msg ?? "Hello world!" };
    const name = String(args2.var);
    try {
      return { changed: false, failed: false, [name]: ctx.evaluate(name) };
    } catch (error) {
      if (!(error instanceof UndefinedVariableError))
        throw error;
      return { changed: false, failed: false, [name]: ctx.verbosity > 0 ? `VARIABLE IS NOT DEFINED!: ${error.message}` : "VARIABLE IS NOT DEFINED!" };
    }
  }
};

// dist/engine/modules/fail.js
var failModule = {
  name: "fail",
  argsSchema: { type: "object", properties: { msg: {} }, additionalProperties: false },
  checkMode: "full",
  diffMode: "none",
  runsOn: "controller",
  async run(ctx) {
    return { changed: false, failed: true, msg: ctx.args.msg ?? "Failed as requested from task" };
  }
};

// dist/engine/modules/fetch.js
import { createHash as createHash3, randomBytes as randomBytes3 } from "node:crypto";
import { chmodSync, existsSync as existsSync3, mkdirSync, readFileSync as readFileSync3, renameSync, rmSync, statSync as statSync4, writeFileSync } from "node:fs";
import { basename as basename3, dirname as dirname3, join as join3, normalize, resolve as resolve3, sep } from "node:path";
var fetchModule = {
  name: "fetch",
  argsSchema: {
    type: "object",
    properties: {
      src: { type: "string" },
      dest: { type: "string" },
      flat: { type: "boolean", default: false },
      fail_on_missing: { type: "boolean", default: true },
      validate_checksum: { type: "boolean", default: true }
    },
    required: ["src", "dest"],
    additionalProperties: false
  },
  checkMode: "none",
  diffMode: "none",
  runsOn: "target",
  async run(ctx) {
    const src = String(ctx.args.src);
    const target = localDestination(ctx, src);
    if (typeof target !== "string")
      return { changed: false, failed: true, msg: target.error };
    const local = existsSync3(target) ? readFileSync3(target) : void 0;
    const localChecksum = local ? sha1(local) : "";
    const result = await ctx.exec(fetchScript(src, localChecksum));
    const report = parseReport(result.stdout);
    if (report.missing !== void 0)
      return missingResult(ctx, src, report.missing);
    if (!report.checksum)
      return scriptFailure(result.rc, result.stderr);
    if (report.checksum === localChecksum) {
      return { changed: false, md5sum: md5(local), file: src, dest: target, checksum: localChecksum };
    }
    const content = Buffer.from(report.content ?? "", "base64");
    const checksum = sha1(content);
    if (ctx.args.validate_checksum !== false && checksum !== report.checksum) {
      return { changed: false, failed: true, msg: "checksum mismatch", file: src, dest: target, checksum, remote_checksum: report.checksum, md5sum: md5(content), remote_md5sum: null };
    }
    writeAtomically(target, content);
    return { changed: true, md5sum: md5(content), dest: target, remote_md5sum: null, checksum, remote_checksum: report.checksum };
  }
};
function localDestination(ctx, src) {
  const destArg = String(ctx.args.dest);
  const base = ctx.playbookDir ?? process.cwd();
  if (ctx.args.flat === true) {
    const path2 = destArg.endsWith("/") ? join3(destArg, basename3(src)) : destArg;
    if (!destArg.endsWith("/") && existsSync3(destArg) && statSync4(destArg).isDirectory()) {
      return { error: "dest is an existing directory, use a trailing slash if you want to fetch src into that directory" };
    }
    return resolve3(base, normalize(path2));
  }
  const root = resolve3(base, destArg);
  const path = resolve3(root, ctx.host, `.${sep}${normalize(src)}`);
  if (!path.startsWith(`${root}${sep}`))
    return { error: `Detected directory traversal, expected to be contained in '${root}' but got '${path}'` };
  return path;
}
function fetchScript(src, localChecksum) {
  return [
    REPORT_FUNCTIONS,
    `p=${quote(src)}`,
    'if [ -d "$p" ]; then cx_report missing directory; exit 0; fi',
    'if [ ! -e "$p" ]; then cx_report missing absent; exit 0; fi',
    'if [ ! -r "$p" ]; then cx_report missing unreadable; exit 0; fi',
    'sum=$(sha1sum < "$p" | cut -c1-40) || { cx_report missing unreadable; exit 0; }',
    'cx_report checksum "$sum"',
    `[ "$sum" = ${quote(localChecksum || "none")} ] && exit 0`,
    `printf '@@cx content='; base64 < "$p" | tr -d '\\n'; printf '\\n'`
  ].join("\n");
}
function missingResult(ctx, src, why) {
  const messages = {
    absent: "the remote file does not exist, not transferring, ignored",
    unreadable: "file is not readable, not transferring, ignored",
    directory: "remote file is a directory, fetch cannot work on directories"
  };
  const msg = messages[why] ?? `cannot fetch ${src}`;
  if (ctx.args.fail_on_missing === false)
    return { changed: false, file: src, msg: why === "directory" ? `${msg}, not transferring, ignored` : msg };
  return { changed: false, failed: true, file: src, msg };
}
function writeAtomically(target, content) {
  mkdirSync(dirname3(target), { recursive: true });
  const mode = existsSync3(target) ? statSync4(target).mode & 4095 : 384;
  const temporary = join3(dirname3(target), `.${basename3(target)}.cxplay-${randomBytes3(6).toString("hex")}`);
  try {
    writeFileSync(temporary, content, { mode: 384, flag: "wx" });
    chmodSync(temporary, mode);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
function sha1(data) {
  return createHash3("sha1").update(data).digest("hex");
}
function md5(data) {
  return createHash3("md5").update(data).digest("hex");
}

// dist/engine/modules/file.js
var fileModule = {
  name: "file",
  argsSchema: {
    type: "object",
    properties: {
      path: { type: "string" },
      dest: { type: "string" },
      name: { type: "string" },
      state: { enum: ["file", "directory", "link", "hard", "touch", "absent"] },
      src: { type: "string" },
      force: { type: "boolean", default: false },
      follow: { type: "boolean", default: true },
      recurse: { type: "boolean", default: false },
      ...ATTRIBUTE_SCHEMA
    },
    anyOf: [{ required: ["path"] }, { required: ["dest"] }, { required: ["name"] }],
    additionalProperties: false
  },
  checkMode: "full",
  diffMode: "partial",
  runsOn: "target",
  async run(ctx) {
    const path = String(ctx.args.path ?? ctx.args.dest ?? ctx.args.name);
    const result = await ctx.exec(fileScript(ctx, path));
    const report = parseReport(result.stdout);
    const failure = reportedFailure(report, { path });
    if (failure)
      return failure;
    if (!report.want)
      return scriptFailure(result.rc, result.stderr);
    if (report.warning)
      ctx.warn(report.warning);
    return fileResult(ctx, path, report);
  }
};
function fileResult(ctx, path, report) {
  const changed = report.changed === "1";
  const want = report.want;
  const out = ["link", "hard", "touch"].includes(want) ? { changed, dest: path } : { changed, path };
  if (ctx.args.src !== void 0)
    out.src = String(ctx.args.src);
  out.state = report.after ?? "absent";
  if (report.mode !== void 0) {
    Object.assign(out, { mode: report.mode, owner: report.owner, group: report.group, uid: Number(report.uid), gid: Number(report.gid), size: Number(report.size) });
  }
  out.diff = fileDiff(path, report);
  return out;
}
function fileDiff(path, report) {
  const before = { path };
  const after = { path };
  if (report.before !== report.want) {
    before.state = report.before;
    after.state = report.want;
  }
  if (report.link_before !== void 0) {
    before.src = report.link_before;
    after.src = report.link_after;
  }
  if (report.mode_before !== void 0) {
    before.mode = report.mode_before;
    after.mode = report.mode_after;
  }
  if (report.uid_before !== void 0) {
    before.owner = Number(report.uid_before);
    after.owner = Number(report.uid_after);
  }
  if (report.gid_before !== void 0) {
    before.group = Number(report.gid_before);
    after.group = Number(report.gid_after);
  }
  return { before, after };
}
function fileScript(ctx, path) {
  const { args: args2, check } = ctx;
  const src = args2.src === void 0 ? void 0 : String(args2.src);
  const flag2 = (value2) => value2 ? "true" : "false";
  return [
    REPORT_FUNCTIONS,
    attributeFunctions(attributesFrom(args2), check),
    STATE_FUNCTIONS,
    `p=${quote(path)}`,
    `want=${quote(String(args2.state ?? ""))}`,
    `src=${src === void 0 ? "" : quote(src)}`,
    `has_src=${flag2(src !== void 0)}; force=${flag2(args2.force === true)}; follow=${flag2(args2.follow !== false)}; recurse=${flag2(args2.recurse === true)}; check=${flag2(check)}`,
    'cx_state "$p"; prev=$cx_path_state',
    'if [ -z "$want" ]; then if [ "$prev" != absent ]; then want=$prev; elif $recurse; then want=directory; else want=file; fi; fi',
    'cx_report before "$prev"; cx_report want "$want"',
    `$recurse && [ "$want" != directory ] && cx_fail "recurse option requires state to be 'directory'"`,
    `$has_src && case "$want" in link|hard) ;; *) cx_fail "src option requires state to be 'link' or 'hard'";; esac`,
    '[ "$want" != absent ] && cx_resolve_ids',
    "changed=0",
    'case "$want" in absent) cx_absent;; file) cx_file;; directory) cx_directory;; link) cx_link;; hard) cx_hard;; touch) cx_touch;; esac',
    "cx_finish"
  ].join("\n");
}
var STATE_FUNCTIONS = String.raw`
# Sets cx_path_state to the state of $1 (a variable, not output: no subshell).
cx_state() {
  if [ -L "$1" ]; then cx_path_state=link
  elif [ -d "$1" ]; then cx_path_state=directory
  elif [ -e "$1" ]; then if [ "$(stat -c %h "$1")" -gt 1 ]; then cx_path_state=hard; else cx_path_state=file; fi
  else cx_path_state=absent; fi
}
cx_finish() {
  cx_report changed "$changed"
  cx_state "$p"; cx_report after "$cx_path_state"
  # Unchanged: the attributes cx_attributes read are still the path's.
  if [ -e "$p" ] || [ -L "$p" ]; then if [ "$changed" = 0 ]; then cx_report_attributes "$p" cached; else cx_report_attributes "$p"; fi; fi
  exit 0
}
cx_apply_attributes() {
  cx_attributes "$1"; [ "$attr_changed" = 1 ] && changed=1
  if $recurse; then cx_attributes_recursive "$1"; [ "$attr_changed" = 1 ] && changed=1; fi
  :
}
cx_follow() { if $follow && [ "$prev" = link ]; then p=$(readlink -f -- "$p"); cx_state "$p"; prev=$cx_path_state; fi; }
cx_absent() {
  [ "$prev" = absent ] && return
  changed=1
  $check && return
  if [ "$prev" = directory ]; then out=$(rm -rf -- "$p" 2>&1) || cx_fail "rmtree failed: $out"
  else out=$(rm -f -- "$p" 2>&1) || cx_fail "unlinking failed: $out"; fi
}
cx_file() {
  cx_follow
  case "$prev" in file|hard) ;; *) cx_fail "file ($p) is $prev, cannot continue";; esac
  cx_apply_attributes "$p"
}
cx_directory() {
  cx_follow
  case "$prev" in
    absent) changed=1; $check || cx_mkdirs "$p";;
    directory) cx_apply_attributes "$p";;
    *) cx_fail "$p already exists as a $prev";;
  esac
}
# mkdir -p, giving each directory it creates the wanted attributes (as Ansible does).
cx_mkdirs() {
  case "$1" in /*) cx_dir=;; *) cx_dir=.;; esac
  cx_ifs=$IFS; IFS=/; set -f
  for cx_part in $1; do
    IFS=$cx_ifs
    [ -z "$cx_part" ] && continue
    cx_dir="$cx_dir/$cx_part"
    if [ ! -e "$cx_dir" ]; then
      out=$(mkdir -- "$cx_dir" 2>&1) || [ -d "$cx_dir" ] || cx_fail "There was an issue creating $cx_dir as requested: $out"
      cx_attributes "$cx_dir"
    fi
  done
  IFS=$cx_ifs; set +f
}
cx_link() {
  if ! $has_src; then
    if $follow && [ "$prev" = link ]; then src=$(readlink -- "$p"); else cx_fail "src is required for creating new symlinks"; fi
  fi
  if [ "$prev" != link ] && [ -d "$p" ]; then base=$p; else base=$(dirname -- "$p"); fi
  case "$src" in /*) absrc=$src;; *) absrc="$base/$src";; esac
  if ! $force && [ ! -e "$absrc" ]; then cx_fail "src file does not exist, use \"force=yes\" if you really want to create the link: $absrc"; fi
  case "$prev" in
    directory)
      $force || cx_fail "refusing to convert from directory to symlink for $p"
      [ -z "$(ls -A -- "$p")" ] || cx_fail "the directory $p is not empty, refusing to convert it";;
    file|hard) $force || cx_fail "refusing to convert from $prev to symlink for $p";;
  esac
  if [ "$prev" = link ]; then
    old=$(readlink -- "$p")
    [ "$old" != "$src" ] && { changed=1; cx_report64 link_before "$old"; cx_report64 link_after "$src"; }
  else
    changed=1
  fi
  if [ "$changed" = 1 ] && ! $check; then
    if [ "$prev" = absent ]; then
      out=$(ln -s -- "$src" "$p" 2>&1) || cx_fail "Error while linking: $out"
    else
      [ "$prev" = directory ] && { rmdir -- "$p" || cx_fail "Error while replacing: could not remove the directory $p"; }
      tmp="$(dirname -- "$p")/.cxplay.$$.link"
      out=$( (ln -s -- "$src" "$tmp" && mv -fT -- "$tmp" "$p") 2>&1) || { rm -f -- "$tmp"; cx_fail "Error while replacing: $out"; }
    fi
  fi
  [ -L "$p" ] || [ -e "$p" ] || return 0
  if $follow && [ -L "$p" ] && [ ! -e "$p" ]; then
    cx_report64 warning "Cannot set fs attributes on a non-existent symlink target. follow should be set to False to avoid this."
  elif $follow; then
    cx_apply_attributes "$(readlink -f -- "$p")"
  elif [ ! -L "$p" ]; then
    cx_apply_attributes "$p"
  fi
}
cx_hard() {
  $has_src || [ "$prev" = hard ] || cx_fail "src is required for creating new hardlinks"
  if $has_src && [ ! -e "$src" ]; then cx_fail "src does not exist"; fi
  case "$prev" in
    absent) changed=1;;
    link) old=$(readlink -- "$p"); [ "$old" != "$src" ] && { changed=1; cx_report64 link_before "$old"; cx_report64 link_after "$src"; };;
    hard) if $has_src && ! [ "$p" -ef "$src" ]; then changed=1; $force || cx_fail "Cannot link, different hard link exists at destination"; fi;;
    file) changed=1; $force || cx_fail "Cannot link, file exists at destination";;
    directory) [ "$p" -ef "$src" ] && return; cx_fail "Cannot link: different hard link exists at destination";;
  esac
  if [ "$changed" = 1 ] && ! $check; then
    tmp="$(dirname -- "$p")/.cxplay.$$.link"
    out=$( (ln -- "$src" "$tmp" && mv -fT -- "$tmp" "$p") 2>&1) || { rm -f -- "$tmp"; cx_fail "Error while linking: $out"; }
  fi
  [ -e "$p" ] && cx_apply_attributes "$p"
  :
}
cx_touch() {
  # Touch always changes: it sets the times to now, as Ansible's does.
  changed=1
  if [ "$prev" = absent ]; then
    $check && return
    out=$( { : > "$p"; } 2>&1) || cx_fail "Error, could not touch target: $out"
  else
    $check || touch -c -- "$p" || cx_fail "Error, could not touch target: $p"
  fi
  cx_attributes "$p"
}
`;

// dist/engine/modules/get_url.js
import { randomInt as randomInt2 } from "node:crypto";
import { basename as basename4 } from "node:path";
var ALGORITHMS = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"];
var getUrlModule = {
  name: "get_url",
  argsSchema: {
    type: "object",
    properties: {
      url: { type: "string" },
      dest: { type: "string" },
      force: { type: "boolean", default: false },
      checksum: { type: "string", default: "" },
      timeout: { type: "integer", default: 10 },
      validate_certs: { type: "boolean", default: true },
      backup: { type: "boolean", default: false },
      headers: { type: "object", additionalProperties: { type: ["string", "number", "boolean"] } },
      ...ATTRIBUTE_SCHEMA
    },
    required: ["url", "dest"],
    additionalProperties: false
  },
  checkMode: "full",
  diffMode: "none",
  runsOn: "target",
  async run(ctx) {
    const url = String(ctx.args.url);
    const dest = String(ctx.args.dest);
    const base = { changed: false, url, dest, checksum_dest: null, checksum_src: null, elapsed: 0 };
    const checksum = parseChecksum(String(ctx.args.checksum ?? ""));
    if ("error" in checksum)
      return { ...base, failed: true, msg: checksum.error };
    const unsafe = controlCharacterIn(url, checksum, ctx.args.headers);
    if (unsafe)
      return { ...base, failed: true, msg: `${unsafe} contains control characters (a newline?)` };
    const started = Date.now();
    const result = await ctx.exec(downloadScript(ctx, url, checksum));
    const report = parseReport(result.stdout);
    const elapsed = Math.floor((Date.now() - started) / 1e3);
    const failure = reportedFailure(report, { ...base, dest: report.dest ?? dest, elapsed, ...requestFields(report) });
    if (failure)
      return failure;
    if (!report.dest)
      return scriptFailure(result.rc, result.stderr);
    return successResult(report, { ...base, dest: report.dest, elapsed });
  }
};
function parseChecksum(value2) {
  if (value2 === "")
    return { none: true };
  const separator = value2.indexOf(":");
  if (separator < 0)
    return { error: "The checksum parameter has to be in format <algorithm>:<checksum>" };
  const algorithm = value2.slice(0, separator).toLowerCase();
  const rest = value2.slice(separator + 1);
  if (!ALGORITHMS.includes(algorithm))
    return { error: `Unsupported hash algorithm '${algorithm}': use one of ${ALGORITHMS.join(", ")}` };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rest))
    return { algorithm, url: rest };
  const digest = rest.replace(/\W+/g, "").toLowerCase();
  if (!/^[0-9a-f]+$/.test(digest))
    return { error: "The checksum format is invalid" };
  return { algorithm, digest };
}
function controlCharacterIn(url, checksum, headers) {
  const bad = (text2) => /[\u0000-\u001f\u007f]/.test(text2);
  if (bad(url))
    return "url";
  if ("url" in checksum && bad(checksum.url))
    return "the checksum url";
  for (const [name, value2] of Object.entries(headers ?? {}))
    if (bad(name) || bad(String(value2)))
      return `header '${name}'`;
  return void 0;
}
function requestFields(report) {
  const out = {};
  if (report.status_code)
    out.status_code = Number(report.status_code);
  if (report.response)
    out.response = report.response;
  return out;
}
function successResult(report, base) {
  const downloaded = report.downloaded === "1";
  const out = {
    ...base,
    changed: report.changed === "1",
    checksum_dest: report.checksum_dest || null,
    checksum_src: report.checksum_src || null,
    msg: downloaded ? `OK (${report.size ?? 0} bytes)` : report.attr_changed === "1" ? "file already exists but file attributes changed" : "file already exists"
  };
  if (downloaded)
    out.status_code = Number(report.status_code ?? 200);
  if (report.md5sum)
    out.md5sum = report.md5sum;
  if (report.backup_file)
    out.backup_file = report.backup_file;
  if (report.mode !== void 0)
    Object.assign(out, { mode: report.mode, owner: report.owner, group: report.group, uid: Number(report.uid), gid: Number(report.gid), size: Number(report.size), state: "file" });
  return out;
}
function urlFilename(url) {
  try {
    return decodeURIComponent(basename4(new URL(url).pathname)) || "index.html";
  } catch {
    return "index.html";
  }
}
function downloadScript(ctx, url, checksum) {
  const { args: args2, check } = ctx;
  const attributes = attributesFrom(args2);
  const headers = Object.entries(args2.headers ?? {}).map(([name, value2]) => `${name}: ${String(value2)}`);
  const download = downloadFunction(Number(args2.timeout ?? 10), args2.validate_certs === false, headers);
  return [
    REPORT_FUNCTIONS,
    attributeFunctions(attributes, check),
    download,
    "tmp=; ck=",
    `trap '[ -n "$tmp" ] && rm -f -- "$tmp" "$tmp.hdr" "$tmp.err"; [ -n "$ck" ] && rm -f -- "$ck" "$ck.hdr" "$ck.err"' EXIT`,
    "trap 'exit 143' TERM HUP INT",
    `dest=${quote(String(args2.dest))}`,
    `[ -d "$dest" ] && dest="\${dest%/}/"${quote(urlFilename(url))}`,
    'cx_report64 dest "$dest"',
    "cx_resolve_ids",
    'dir=$(dirname -- "$dest")',
    '[ -d "$dir" ] || cx_fail "Destination $dir does not exist"',
    wantedChecksumScript(url, checksum),
    // force: no keeps an existing file unless a given checksum says it is wrong.
    `if [ -f "$dest" ] && ${args2.force === true ? "false" : "true"} && { [ -z "$want" ] || [ "$(cx_sum < "$dest")" = "$want" ]; }; then`,
    '  cx_attributes "$dest"; cx_report changed "$attr_changed"; cx_report attr_changed "$attr_changed"; cx_report_attributes "$dest"; exit 0',
    "fi",
    check ? "cx_report changed 1; exit 0" : "",
    'tmp=$(umask 077; mktemp "$dir/.cxplay.XXXXXX") || cx_fail "cannot create a temporary file in $dir"',
    `cx_download "$tmp" ${quote(url)}`,
    "cx_report downloaded 1",
    'src_sum=$(sha1sum < "$tmp" | cut -c1-40); cx_report checksum_src "$src_sum"',
    'if [ -n "$want" ] && [ "$(cx_sum < "$tmp")" != "$want" ]; then cx_fail "The checksum for $dest did not match $want; it was $(cx_sum < "$tmp")."; fi',
    'if [ -f "$dest" ]; then cx_report checksum_dest "$(sha1sum < "$dest" | cut -c1-40)"; fi',
    'if [ -f "$dest" ] && [ "$(sha1sum < "$dest" | cut -c1-40)" = "$src_sum" ]; then',
    '  cx_attributes "$dest"; cx_report changed "$attr_changed"',
    "else",
    prepareTempScript(attributes, "tmp", "dest"),
    // Ansible's name (dest.PID.time~), with a random number for the pid: scripts of one shell session share theirs.
    args2.backup === true ? `  if [ -f "$dest" ]; then backup="$dest.${randomInt2(1e4, 1e5)}.$(date +%Y-%m-%d@%H:%M:%S)~"; cp -p -- "$dest" "$backup" && cx_report64 backup_file "$backup"; fi` : "",
    '  mv -f -- "$tmp" "$dest" || cx_fail "failed to copy the download to $dest"; tmp=; cx_report changed 1',
    "fi",
    'cx_report md5sum "$(md5sum < "$dest" | cut -c1-32)"',
    'cx_report_attributes "$dest"'
  ].filter(Boolean).join("\n");
}
function wantedChecksumScript(url, checksum) {
  if ("none" in checksum || "error" in checksum)
    return "want=";
  const sum = `cx_sum() { ${checksum.algorithm}sum | cut -d' ' -f1; }`;
  if ("digest" in checksum)
    return `${sum}
want=${quote(checksum.digest)}`;
  return [
    sum,
    'ck=$(mktemp) || cx_fail "cannot create a temporary file"',
    `cx_download "$ck" ${quote(checksum.url)}`,
    `want=$(awk -v f=${quote(urlFilename(url))} 'NR == 1 && NF == 1 { print $1; exit } { n = $0; sub(/^[^ ]* /, "", n); sub(/^[ *]/, "", n); sub(/^[.\\/]+/, "", n); if (n == f) { print $1; exit } }' "$ck" | tr 'A-F' 'a-f')`,
    `[ -n "$want" ] || cx_fail ${quote(`Unable to find a checksum for file '${urlFilename(url)}' in '${checksum.url}'`)}`
  ].join("\n");
}
function downloadFunction(timeout, insecure, headers) {
  const headerConfig = headers.map((header) => `header = ${curlQuote(header)}
`).join("");
  return [
    "cx_download() {",
    "  if command -v curl >/dev/null 2>&1; then",
    // curl reads its config (the URL, with \ and " escaped, and the headers) from stdin; printf is a builtin, so nothing shows in ps.
    `    cx_code=$( { printf 'url = "%s"\\n' "$(printf '%s' "$2" | sed 's/[\\\\"]/\\\\&/g')"; ${headerConfig ? `printf '%s' ${quote(headerConfig)}` : ":"}; } | curl -sS -L ${insecure ? "-k " : ""}--max-time ${timeout} -K - -o "$1" -D "$1.hdr" -w '%{http_code}' 2>"$1.err")`,
    '    cx_rc=$?; cx_status=$(grep -E "^HTTP/" "$1.hdr" 2>/dev/null | tail -n 1 | tr -d "\\r")',
    "  elif command -v wget >/dev/null 2>&1; then",
    `    printf '%s\\n' "$2" | wget -S ${insecure ? "--no-check-certificate " : ""}-T ${timeout} ${headers.map((header) => `--header=${quote(header)} `).join("")}-O "$1" -i - 2>"$1.err"`,
    '    cx_rc=$?; cx_status=$(grep -E "^ *HTTP/" "$1.err" | tail -n 1 | sed "s/^ *//" | tr -d "\\r"); cx_code=$(printf "%s" "$cx_status" | cut -d" " -f2)',
    '  else cx_fail "get_url needs curl or wget on the host"; fi',
    '  if [ -n "$cx_code" ] && [ "$cx_code" != 000 ]; then cx_report status_code "$cx_code"; fi',
    '  cx_err=$(cat "$1.err" 2>/dev/null); rm -f -- "$1.hdr" "$1.err"',
    '  case "$cx_code" in 2??) [ "$cx_rc" = 0 ] && return 0;; esac',
    '  if [ -n "$cx_status" ]; then cx_report64 response "HTTP Error $(printf "%s" "$cx_status" | cut -d" " -f2): $(printf "%s" "$cx_status" | cut -d" " -f3-)"; else cx_report64 response "$cx_err"; fi',
    '  cx_fail "Request failed"',
    "}"
  ].join("\n");
}
function curlQuote(value2) {
  return `"${value2.replace(/[\\"]/g, "\\$&")}"`;
}

// dist/engine/modules/lib/read-file.js
async function readRemoteFile(ctx, path, options = {}) {
  const script = [
    REPORT_FUNCTIONS,
    `p=${quote(path)}`,
    'if [ -d "$p" ]; then cx_report directory 1; exit 0; fi',
    'if [ ! -e "$p" ]; then cx_report exists 0; exit 0; fi',
    '[ -r "$p" ] || cx_fail "Permission denied: $p"',
    "cx_report exists 1",
    // The x keeps trailing newlines through the command substitution.
    'cx_report64 content "$(cat -- "$p"; printf x)"',
    'cx_s=$(sha1sum < "$p"); cx_report checksum "${cx_s%% *}"',
    options.withAttributes ? `cx_report attributes "$(stat -L -c '%a %u %g %U %G' -- "$p")"` : ""
  ].join("\n");
  const result = await ctx.exec(script);
  const report = parseReport(result.stdout);
  if (report.failed === "1")
    throw new Error(report.msg ?? `could not read ${path}`);
  if (report.exists === void 0 && report.directory === void 0)
    throw new Error(result.stderr.trim() || `could not read ${path}`);
  return {
    exists: report.exists === "1",
    isDirectory: report.directory === "1",
    content: report.content === void 0 ? "" : report.content.slice(0, -1),
    checksum: report.checksum,
    attributes: attributesOf(report.attributes)
  };
}
function attributesOf(reported) {
  const [mode, uid, gid, owner, group] = reported?.split(" ") ?? [];
  if (mode === void 0 || group === void 0)
    return void 0;
  return { mode: mode.padStart(4, "0"), uid, gid, owner, group };
}

// dist/engine/modules/lineinfile.js
var lineinfileModule = {
  name: "lineinfile",
  argsSchema: {
    type: "object",
    properties: {
      path: { type: "string" },
      dest: { type: "string" },
      destfile: { type: "string" },
      name: { type: "string" },
      line: { type: "string" },
      value: { type: "string" },
      regexp: { type: "string" },
      regex: { type: "string" },
      search_string: { type: "string" },
      state: { enum: ["present", "absent"], default: "present" },
      insertafter: { type: "string" },
      insertbefore: { type: "string" },
      create: { type: "boolean", default: false },
      backrefs: { type: "boolean", default: false },
      backup: { type: "boolean", default: false },
      firstmatch: { type: "boolean", default: false },
      validate: { type: "string" },
      ...ATTRIBUTE_SCHEMA
    },
    anyOf: [{ required: ["path"] }, { required: ["dest"] }, { required: ["destfile"] }, { required: ["name"] }],
    additionalProperties: false
  },
  checkMode: "full",
  diffMode: "full",
  runsOn: "target",
  async run(ctx) {
    const options = optionsFrom(ctx);
    const problem = invalidCombination(options);
    if (problem)
      return { changed: false, failed: true, msg: problem };
    const attributes = attributesFrom(ctx.args);
    const noAttributes = attributes.mode === void 0 && attributes.owner === void 0 && attributes.group === void 0;
    const file = await readRemoteFile(ctx, options.path, { withAttributes: !noAttributes });
    if (file.isDirectory)
      return { changed: false, failed: true, rc: 256, msg: `Path ${options.path} is a directory !` };
    if (!file.exists) {
      if (!options.present)
        return { changed: false, msg: "file not present" };
      if (!options.create)
        return { changed: false, failed: true, rc: 257, msg: `Destination ${options.path} does not exist !` };
    }
    const lines = splitLines2(file.content);
    const edit = options.present ? present(options, lines) : absent(options, lines);
    const content = edit.lines.join("");
    if (!edit.changed && (noAttributes || attributesMatch(attributes, file.attributes)))
      return resultOf(ctx, options, edit, file.content, content, { changed: false }, false);
    const { result: written, attributesChanged } = await writeFileDetailed(ctx, {
      dest: options.path,
      content: Buffer.from(content, "utf8"),
      attributes,
      force: true,
      backup: options.backup && file.exists,
      validate: ctx.args.validate,
      sourceLabel: `${options.path} (content)`,
      follow: true,
      makeParents: true,
      expectedChecksum: file.exists ? file.checksum : null
    });
    if (written.failed)
      return written;
    return resultOf(ctx, options, edit, file.content, content, written, attributesChanged);
  }
};
function optionsFrom(ctx) {
  const { args: args2 } = ctx;
  const text2 = (value2) => value2 === void 0 ? void 0 : String(value2);
  return {
    path: String(args2.path ?? args2.dest ?? args2.destfile ?? args2.name),
    present: args2.state !== "absent",
    line: text2(args2.line ?? args2.value),
    regexp: text2(args2.regexp ?? args2.regex),
    searchString: text2(args2.search_string),
    insertafter: text2(args2.insertafter),
    insertbefore: text2(args2.insertbefore),
    create: args2.create === true,
    backrefs: args2.backrefs === true,
    backup: args2.backup === true,
    firstmatch: args2.firstmatch === true
  };
}
function invalidCombination(options) {
  if (options.regexp !== void 0 && options.searchString !== void 0)
    return "parameters are mutually exclusive: regexp|search_string";
  if (options.insertafter !== void 0 && options.insertbefore !== void 0)
    return "parameters are mutually exclusive: insertafter|insertbefore";
  if (options.backrefs && options.regexp === void 0)
    return "regexp is required with backrefs=true";
  if (options.present) {
    if (options.line === void 0)
      return "line is required with state=present";
  } else if (options.line === void 0 && options.regexp === void 0 && options.searchString === void 0) {
    return "one of line, search_string, or regexp is required with state=absent";
  }
  if (options.regexp === "")
    return "The regular expression is an empty string, which will match every line in the file. This may have unintended consequences, such as replacing the last line in the file rather than appending.";
  return void 0;
}
function present(options, original) {
  const lines = [...original];
  const line = options.line;
  const insertPattern = options.insertafter !== void 0 && !["BOF", "EOF"].includes(options.insertafter) ? options.insertafter : options.insertbefore !== void 0 && options.insertbefore !== "BOF" ? options.insertbefore : void 0;
  const matches2 = (pattern, text2) => pythonRegExp(pattern, "search").test(stripEol(text2));
  let matchIndex = -1;
  let insertIndex = -1;
  let match2;
  for (const [index, text2] of lines.entries()) {
    if (options.regexp !== void 0) {
      const found = pythonRegExp(options.regexp, "search").exec(stripEol(text2));
      if (found) {
        matchIndex = index;
        match2 = found;
        if (options.firstmatch)
          break;
      }
    } else if (options.searchString !== void 0 && text2.includes(options.searchString)) {
      matchIndex = index;
      match2 = true;
      if (options.firstmatch)
        break;
    }
  }
  if (!match2) {
    for (const [index, text2] of lines.entries()) {
      if (stripEol(text2) === line) {
        matchIndex = index;
      } else if (insertPattern !== void 0 && matches2(insertPattern, text2)) {
        if (options.insertafter !== void 0)
          insertIndex = index + 1;
        if (options.insertbefore !== void 0)
          insertIndex = index;
        if (options.firstmatch)
          break;
      }
    }
  }
  const added = (at) => {
    lines.splice(at, 0, `${line}
`);
    return { lines, changed: true, msg: "line added" };
  };
  const unchanged = { lines, changed: false, msg: "" };
  const endWithNewline = () => {
    if (lines.length > 0 && !/[\r\n]$/.test(lines.at(-1)))
      lines[lines.length - 1] += "\n";
  };
  if (matchIndex !== -1) {
    const expanded = options.backrefs && match2 instanceof Array ? expandTemplate(line, match2) : line;
    const newLine = expanded.endsWith("\n") ? expanded : `${expanded}
`;
    if (lines[matchIndex] === newLine)
      return unchanged;
    lines[matchIndex] = newLine;
    return { lines, changed: true, msg: "line replaced" };
  }
  if (options.backrefs)
    return unchanged;
  if (options.insertbefore === "BOF" || options.insertafter === "BOF")
    return added(0);
  if (options.insertafter === "EOF" || insertIndex === -1) {
    if (lines.length > 0 && !/[\r\n]$/.test(lines.at(-1)))
      lines.push("\n");
    return added(lines.length);
  }
  if (options.insertafter !== void 0) {
    if (lines.length === insertIndex) {
      if (stripEol(lines[insertIndex - 1]) === line)
        return unchanged;
      endWithNewline();
      return added(lines.length);
    }
    if (stripEol(lines[insertIndex]) === line)
      return unchanged;
    return added(insertIndex);
  }
  return added(insertIndex);
}
function absent(options, original) {
  const matcher = options.regexp !== void 0 ? (text2) => pythonRegExp(options.regexp, "search").test(stripEol(text2)) : options.searchString !== void 0 ? (text2) => text2.includes(options.searchString) : (text2) => stripEol(text2) === options.line;
  const lines = original.filter((text2) => !matcher(text2));
  const found = original.length - lines.length;
  return { lines, changed: found > 0, msg: found > 0 ? `${found} line(s) removed` : "", found };
}
function resultOf(ctx, options, edit, before, after, written, attributesChanged) {
  let msg = edit.msg;
  if (attributesChanged)
    msg = `${msg}${msg ? " and " : ""}ownership, perms or SE linux context changed`;
  const out = { changed: edit.changed || written.changed, msg, backup: written.backup_file ?? "" };
  if (edit.found !== void 0)
    out.found = edit.found;
  if (ctx.diff)
    out.diff = { before, after, before_header: `${options.path} (content)`, after_header: `${options.path} (content)` };
  return out;
}
function attributesMatch(wanted, current) {
  if (!current)
    return false;
  if (wanted.mode !== void 0 && wanted.mode !== current.mode)
    return false;
  const same = (want, id, name) => want === void 0 || want === (/^\d+$/.test(want) ? id : name);
  return same(wanted.owner, current.uid, current.owner) && same(wanted.group, current.gid, current.group);
}
function expandTemplate(template, match2) {
  const escapes = { n: "\n", t: "	", r: "\r", "\\": "\\", a: "\x07", f: "\f", v: "\v" };
  return template.replace(/\\(?:g<(\w+)>|(\d{1,2})|(.))/g, (whole, name, index, other) => {
    if (name !== void 0)
      return (/^\d+$/.test(name) ? match2[Number(name)] : match2.groups?.[name]) ?? "";
    if (index !== void 0)
      return match2[Number(index)] ?? "";
    return escapes[other] ?? whole;
  });
}
function splitLines2(content) {
  return content.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
function stripEol(line) {
  return line.replace(/[\r\n]+$/, "");
}

// dist/engine/modules/pause.js
import { setTimeout as sleep } from "node:timers/promises";
var pauseModule = {
  name: "pause",
  argsSchema: {
    type: "object",
    properties: { seconds: { type: "number" }, minutes: { type: "number" }, prompt: { type: "string" }, echo: { type: "boolean", default: true } },
    additionalProperties: false
  },
  checkMode: "full",
  diffMode: "none",
  runsOn: "controller",
  bypassHostLoop: true,
  async run(ctx) {
    const { seconds, minutes, prompt } = ctx.args;
    if (seconds !== void 0 && minutes !== void 0)
      return { changed: false, failed: true, msg: "parameters are mutually exclusive: minutes|seconds" };
    if (prompt !== void 0 || seconds === void 0 && minutes === void 0) {
      return { changed: false, failed: true, msg: "pause: prompts (waiting for the operator) are not supported; give seconds or minutes" };
    }
    const wait = Math.max(1, Math.trunc(minutes ?? 0) * 60 + Math.trunc(seconds ?? 0));
    const start = /* @__PURE__ */ new Date();
    await sleep(wait * 1e3, void 0, { signal: ctx.signal }).catch(() => void 0);
    const stop = /* @__PURE__ */ new Date();
    const elapsed = (stop.getTime() - start.getTime()) / 1e3;
    const stdout = minutes !== void 0 ? `Paused for ${pythonRounded(elapsed / 60)} minutes` : `Paused for ${pythonRounded(elapsed)} seconds`;
    return { changed: false, rc: 0, stderr: "", stdout, start: pythonTime(start), stop: pythonTime(stop), delta: Math.trunc(elapsed), echo: ctx.args.echo !== false, user_input: "" };
  }
};

// dist/engine/modules/lib/service.js
var SERVICE_ARGS = {
  name: { type: "string" },
  state: { enum: ["started", "stopped", "restarted", "reloaded"] },
  enabled: { type: "boolean" },
  force: { type: "boolean" },
  masked: { type: "boolean" },
  daemon_reload: { type: "boolean", default: false },
  daemon_reexec: { type: "boolean", default: false },
  scope: { enum: ["system", "user", "global"], default: "system" },
  no_block: { type: "boolean", default: false }
};
async function manageService(ctx, name) {
  const { args: args2 } = ctx;
  const problem = argumentProblem(args2, name);
  if (problem)
    return { changed: false, failed: true, msg: problem };
  const result = await ctx.exec(serviceScript(ctx, name));
  const report = parseReport(result.stdout);
  const failure = reportedFailure(report, { name: name ?? null });
  if (failure)
    return failure;
  if (report.done !== "1")
    return scriptFailure(result.rc, result.stderr);
  const out = { name: name ?? null, changed: report.changed === "1", status: parseStatus(report) };
  if (report.enabled !== void 0)
    out.enabled = report.enabled === "1";
  if (args2.state !== void 0)
    out.state = args2.state === "stopped" ? "stopped" : "started";
  return out;
}
function argumentProblem(args2, name) {
  const actions = ["state", "enabled", "masked"].filter((key) => args2[key] !== void 0);
  if (actions.length === 0 && args2.daemon_reload !== true && args2.daemon_reexec !== true) {
    return "one of the following is required: state, enabled, masked, daemon_reload, daemon_reexec";
  }
  if (!name && actions.length > 0)
    return `missing parameter(s) required by '${actions[0]}': name`;
  const glob = name ? ["*", "?", "["].find((pattern) => name.includes(pattern)) : void 0;
  if (glob)
    return `This module does not currently support using glob patterns, found '${glob}' in service name: ${name}`;
  return void 0;
}
function parseStatus(report) {
  const status = {};
  for (const line of (report.status ?? "").split("\n")) {
    const separator = line.indexOf("=");
    if (separator > 0)
      status[line.slice(0, separator)] = line.slice(separator + 1);
  }
  if (status.ActiveState === void 0 && report.active)
    status.ActiveState = report.active;
  return status;
}
function serviceScript(ctx, name) {
  const { args: args2, check } = ctx;
  const options = [args2.scope !== "system" && args2.scope !== void 0 ? `--${String(args2.scope)}` : "", args2.no_block === true ? "--no-block" : "", args2.force === true ? "--force" : ""].filter(Boolean).join(" ");
  const act = (action, failure) => `changed=1; ${check ? ":" : `out=$(cx_systemctl ${action} "$unit" 2>&1) || cx_fail "${failure}: $out"`}`;
  const lines = [
    REPORT_FUNCTIONS,
    "changed=0",
    'command -v systemctl >/dev/null 2>&1 || cx_fail "Failed to find required executable \\"systemctl\\" in paths: $PATH"',
    `cx_systemctl() { systemctl ${options} "$@"; }`
  ];
  if (args2.daemon_reload === true && !check)
    lines.push('out=$(cx_systemctl daemon-reload 2>&1) || cx_fail "failure $? during daemon-reload: $out"');
  if (args2.daemon_reexec === true && !check)
    lines.push('out=$(cx_systemctl daemon-reexec 2>&1) || cx_fail "failure $? during daemon-reexec: $out"');
  if (name) {
    lines.push(
      `unit=${quote(name)}`,
      'status=$(cx_systemctl show "$unit" 2>/dev/null); cx_report64 status "$status"',
      `load=$(printf '%s\\n' "$status" | sed -n 's/^LoadState=//p')`,
      `active=$(printf '%s\\n' "$status" | sed -n 's/^ActiveState=//p')`,
      '[ -n "$active" ] || active=$(cx_systemctl is-active "$unit" 2>/dev/null); cx_report active "$active"',
      // Without LoadState (a minimal systemctl), is-enabled saying "not found" is the sign.
      'found=1; if [ "$load" = not-found ]; then found=0; elif [ -z "$load" ]; then cx_systemctl is-enabled "$unit" 2>&1 | grep -qi "not found\\|no such file" && found=0; fi',
      'cx_missing() { [ "$found" = 1 ] || cx_fail "Could not find the requested service $unit: host"; }'
    );
    if (args2.masked !== void 0) {
      const want = args2.masked === true;
      lines.push(`masked=0; [ "$(cx_systemctl is-enabled "$unit" 2>/dev/null)" = masked ] && masked=1`, `if [ "$masked" != ${want ? 1 : 0} ]; then ${act(want ? "mask" : "unmask", `Unable to ${want ? "mask" : "unmask"} service $unit`)}; fi`);
    }
    if (args2.enabled !== void 0) {
      const want = args2.enabled === true;
      lines.push(
        "cx_missing",
        // is-enabled succeeds for enabled, static, ... ; indirect and alias do not count (as Ansible).
        'enabled=0; if state=$(cx_systemctl is-enabled "$unit" 2>/dev/null); then case "$state" in indirect|alias) ;; *) enabled=1;; esac; fi',
        `if [ "$enabled" != ${want ? 1 : 0} ]; then ${act(want ? "enable" : "disable", `Unable to ${want ? "enable" : "disable"} service $unit`)}; fi`,
        `cx_report enabled ${want ? 1 : 0}`
      );
    }
    if (args2.state !== void 0)
      lines.push("cx_missing", stateLine(String(args2.state), act));
  }
  lines.push('cx_report changed "$changed"', "cx_report done 1");
  return lines.join("\n");
}
function stateLine(state, act) {
  const running = 'case "$active" in active|activating) true;; *) false;; esac';
  switch (state) {
    case "started":
      return `${running} || { ${act("start", "Unable to start service $unit")}; }`;
    case "stopped":
      return `case "$active" in active|activating|deactivating) ${act("stop", "Unable to stop service $unit")};; esac`;
    default: {
      const action = state === "restarted" ? "restart" : "reload";
      return `if ${running}; then ${act(action, `Unable to ${action} service $unit`)}; else ${act("start", "Unable to start service $unit")}; fi`;
    }
  }
}

// dist/engine/modules/service.js
var UNUSED_BY_SYSTEMD = ["pattern", "runlevel", "sleep", "arguments", "args"];
var serviceModule = {
  name: "service",
  argsSchema: {
    type: "object",
    properties: {
      ...SERVICE_ARGS,
      pattern: { type: "string" },
      runlevel: { type: "string" },
      sleep: { type: "integer" },
      arguments: { type: "string" },
      args: { type: "string" },
      use: { type: "string", default: "auto" }
    },
    required: ["name"],
    additionalProperties: false
  },
  checkMode: "full",
  diffMode: "none",
  runsOn: "target",
  async run(ctx) {
    if (ctx.args.use !== "auto" && ctx.args.use !== "systemd") {
      return { changed: false, failed: true, msg: `service: use=${String(ctx.args.use)} is not supported; only systemd hosts are` };
    }
    for (const name of UNUSED_BY_SYSTEMD)
      if (ctx.args[name] !== void 0)
        ctx.warn(`Ignoring "${name}" as it is not used in "systemd"`);
    return manageService(ctx, ctx.args.name);
  }
};

// dist/engine/modules/set_fact.js
var BOOLEAN_WORDS2 = /* @__PURE__ */ new Map([["true", true], ["yes", true], ["false", false], ["no", false]]);
var setFactModule = {
  name: "set_fact",
  argsSchema: {
    type: "object",
    properties: { cacheable: { type: "boolean", default: false } },
    propertyNames: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
    additionalProperties: true
  },
  checkMode: "full",
  diffMode: "none",
  runsOn: "controller",
  async run(ctx) {
    const facts = {};
    for (const [key, value2] of Object.entries(ctx.args)) {
      if (key === "cacheable")
        continue;
      facts[key] = typeof value2 === "string" ? BOOLEAN_WORDS2.get(value2.toLowerCase()) ?? value2 : value2;
    }
    if (Object.keys(facts).length === 0)
      return { changed: false, failed: true, msg: "No key/value pairs provided, at least one is required for this action to succeed" };
    return { changed: false, ansible_facts: facts };
  }
};

// dist/engine/modules/lib/network-facts.js
function networkFacts(sources) {
  const links = parseLinks(sources.links ?? "");
  const routes = parseProcRoute(sources.procRoute ?? "");
  const addresses = sources.ipAddresses !== void 0 ? parseIpAddresses(sources.ipAddresses) : parseFibTrie(sources.fibTrie ?? "", routes);
  const defaultRoute = sources.ipRoute !== void 0 ? parseIpDefaultRoute(sources.ipRoute) : procDefaultRoute(routes);
  return {
    ansible_all_ipv4_addresses: addresses.map((entry) => entry.address).filter((address) => !address.startsWith("127.")),
    ansible_default_ipv4: defaultIpv4(addresses, defaultRoute, links),
    ansible_interfaces: [...links.keys()].sort()
  };
}
function parseLinks(text2) {
  const links = /* @__PURE__ */ new Map();
  for (const line of text2.split("\n")) {
    const [name, macaddress, mtu] = line.trim().split(/\s+/);
    if (name)
      links.set(name, { macaddress: macaddress ?? "", mtu: Number(mtu ?? 0) });
  }
  return links;
}
function parseIpAddresses(text2) {
  return [...text2.matchAll(/^\d+:\s+(\S+)\s+inet\s+(\d+\.\d+\.\d+\.\d+)\/(\d+)/gm)].map((match2) => ({ interface: match2[1], address: match2[2], prefix: Number(match2[3]) }));
}
function parseIpDefaultRoute(text2) {
  return { gateway: /\bvia (\S+)/.exec(text2)?.[1], interface: /\bdev (\S+)/.exec(text2)?.[1] };
}
function parseProcRoute(text2) {
  const routes = [];
  for (const line of text2.split("\n").slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 8)
      continue;
    const hex = (value2) => Number.parseInt(value2.match(/../g).reverse().join(""), 16) >>> 0;
    routes.push({ interface: fields[0], destination: hex(fields[1]), gateway: hex(fields[2]), mask: hex(fields[7]) });
  }
  return routes;
}
function procDefaultRoute(routes) {
  const route = routes.find((candidate) => candidate.destination === 0 && candidate.mask === 0);
  return { gateway: route ? dotted(route.gateway) : void 0, interface: route?.interface };
}
function parseFibTrie(text2, routes) {
  const lines = text2.split("\n");
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const [index, line] of lines.entries()) {
    const address = /\|--\s+(\d+\.\d+\.\d+\.\d+)/.exec(line)?.[1];
    if (!address || seen.has(address) || !/\/32 host LOCAL/.test(lines[index + 1] ?? ""))
      continue;
    seen.add(address);
    const numeric = toNumber2(address);
    const route = routes.find((candidate) => candidate.mask !== 0 && (numeric & candidate.mask) >>> 0 === candidate.destination);
    out.push({ interface: route?.interface ?? (address.startsWith("127.") ? "lo" : "unknown"), address, prefix: route ? prefixOf(route.mask) : 32 });
  }
  return out;
}
function defaultIpv4(addresses, route, links) {
  const entry = addresses.find((candidate) => candidate.interface === route.interface) ?? addresses.find((candidate) => !candidate.address.startsWith("127."));
  if (!entry || route.interface === void 0)
    return {};
  const mask = entry.prefix === 0 ? 0 : 4294967295 << 32 - entry.prefix >>> 0;
  const numeric = toNumber2(entry.address);
  const link = links.get(entry.interface);
  return {
    address: entry.address,
    alias: entry.interface,
    broadcast: dotted((numeric | ~mask) >>> 0),
    gateway: route.gateway ?? null,
    interface: entry.interface,
    macaddress: link?.macaddress ?? "unknown",
    mtu: link?.mtu ?? 0,
    netmask: dotted(mask),
    network: dotted((numeric & mask) >>> 0),
    prefix: String(entry.prefix),
    type: link?.macaddress && link.macaddress !== "00:00:00:00:00:00" ? "ether" : "unknown"
  };
}
function toNumber2(address) {
  return address.split(".").reduce((total, part) => (total << 8 | Number(part)) >>> 0, 0);
}
function dotted(value2) {
  return [24, 16, 8, 0].map((shift) => value2 >>> shift & 255).join(".");
}
function prefixOf(mask) {
  let bits = 0;
  for (let value2 = mask; value2 !== 0; value2 = value2 << 1 >>> 0)
    bits += 1;
  return bits;
}

// dist/engine/modules/lib/system-facts.js
function parseOsRelease(text2) {
  const out = {};
  for (const line of text2.split("\n")) {
    const match2 = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match2)
      out[match2[1]] = match2[2].replace(/^(["'])(.*)\1$/, "$2");
  }
  return out;
}
var DISTRIBUTION_NAMES = {
  debian: "Debian",
  ubuntu: "Ubuntu",
  rhel: "RedHat",
  centos: "CentOS",
  rocky: "Rocky",
  almalinux: "AlmaLinux",
  fedora: "Fedora",
  ol: "OracleLinux",
  amzn: "Amazon",
  sles: "SLES",
  "sles_sap": "SLES_SAP",
  "opensuse-leap": "openSUSE Leap",
  "opensuse-tumbleweed": "openSUSE Tumbleweed",
  alpine: "Alpine",
  arch: "Archlinux"
};
var FAMILIES = [
  [/\b(debian|ubuntu|linuxmint|raspbian)\b/, "Debian"],
  [/\b(rhel|fedora|centos|rocky|almalinux|ol|amzn)\b/, "RedHat"],
  [/\b(suse|sles|opensuse)/, "Suse"],
  [/\barch\b/, "Archlinux"],
  [/\balpine\b/, "Alpine"]
];
function distributionFacts(os, debianVersion) {
  const id = (os.ID ?? "").toLowerCase();
  const ids = `${id} ${os.ID_LIKE ?? ""}`.toLowerCase();
  const version = id === "debian" && /^\d+(\.\d+)*$/.test(debianVersion.trim()) ? debianVersion.trim() : os.VERSION_ID ?? "";
  const [major = "", minor = ""] = version.split(".");
  return {
    ansible_distribution: Object.prototype.hasOwnProperty.call(DISTRIBUTION_NAMES, id) ? DISTRIBUTION_NAMES[id] : os.NAME ?? "NA",
    ansible_distribution_version: version || "NA",
    ansible_distribution_major_version: major || "NA",
    ansible_distribution_minor_version: minor,
    ansible_distribution_release: os.VERSION_CODENAME ?? "NA",
    ansible_os_family: FAMILIES.find(([pattern]) => pattern.test(ids))?.[1] ?? (os.NAME ?? "NA")
  };
}
function parseMounts(text2) {
  const mounts = [];
  for (const line of text2.split("\n")) {
    const [device, mount, fstype, options, sizes] = line.split("|");
    if (!mount)
      continue;
    const [blockSize, blocks, , available, inodes, freeInodes] = (sizes ?? "").trim().split(/\s+/).map(Number);
    const known = blockSize !== void 0 && Number.isFinite(blockSize) && blocks !== void 0 && Number.isFinite(blocks);
    mounts.push({
      mount: unescapeMount(mount),
      device: unescapeMount(device ?? ""),
      fstype,
      options,
      size_total: known ? blockSize * blocks : 0,
      size_available: known ? blockSize * (available ?? 0) : 0,
      block_size: known ? blockSize : 0,
      block_total: known ? blocks : 0,
      block_available: known ? available : 0,
      block_used: known ? blocks - (available ?? 0) : 0,
      inode_total: known ? inodes : 0,
      inode_available: known ? freeInodes : 0,
      inode_used: known ? (inodes ?? 0) - (freeInodes ?? 0) : 0,
      uuid: "N/A"
    });
  }
  return mounts;
}
function unescapeMount(text2) {
  return text2.replace(/\\([0-7]{3})/g, (_whole, octal) => String.fromCharCode(Number.parseInt(octal, 8)));
}
function parseEnvironment(text2) {
  const env = {};
  let last;
  for (const line of text2.split("\n")) {
    const match2 = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match2) {
      const forbidden = ["__proto__", "constructor", "prototype"].includes(match2[1]);
      last = forbidden ? void 0 : match2[1];
      if (last !== void 0)
        env[last] = match2[2];
    } else if (last !== void 0 && line !== "") {
      env[last] += `
${line}`;
    }
  }
  return env;
}

// dist/engine/modules/setup.js
var FACTS_SCRIPT = `${REPORT_FUNCTIONS}
cx_has() { command -v "$1" >/dev/null 2>&1; }
cx_read() { [ -r "$1" ] && cat "$1" 2>/dev/null; }
if cx_has hostname; then cx_report64 hostname "$(hostname)"; cx_report64 fqdn "$(hostname -f 2>/dev/null || hostname)"
else cx_report64 hostname "$(cx_read /proc/sys/kernel/hostname)"; fi
cx_report64 kernel "$(uname -r)"
cx_report64 kernel_version "$(uname -v)"
cx_report64 architecture "$(uname -m)"
cx_report vcpus "$(getconf _NPROCESSORS_ONLN 2>/dev/null || grep -c '^processor' /proc/cpuinfo)"
cx_report nproc "$(nproc 2>/dev/null || grep -c '^processor' /proc/cpuinfo)"
cx_report64 meminfo "$(grep -E '^(MemTotal|MemFree|SwapTotal|SwapFree):' /proc/meminfo)"
cx_report64 user "$(id -un)|$(id -u)|$(id -g)|$HOME|$SHELL"
cx_report64 os_release "$(cx_read /etc/os-release || cx_read /usr/lib/os-release)"
cx_report64 debian_version "$(cx_read /etc/debian_version)"
if [ -d /run/systemd/system ]; then cx_report service_mgr systemd; else cx_report64 service_mgr "$(cx_read /proc/1/comm)"; fi
cx_report64 machine_id "$(cx_read /etc/machine-id)"
cx_report64 uptime "$(cx_read /proc/uptime)"
for cx_m in apt-get dnf yum zypper apk pacman; do if cx_has "$cx_m"; then cx_report pkg_mgr "$cx_m"; break; fi; done
if cx_has ip; then
  cx_report64 ip_addresses "$(ip -4 -o addr show 2>/dev/null)"
  cx_report64 ip_route "$(ip -4 route show default 2>/dev/null)"
else
  cx_report64 fib_trie "$(cx_read /proc/net/fib_trie)"
  cx_report64 proc_route "$(cx_read /proc/net/route)"
fi
cx_report64 links "$(for cx_l in /sys/class/net/*; do [ -e "$cx_l" ] && printf '%s %s %s\\n' "\${cx_l##*/}" "$(cx_read "$cx_l/address")" "$(cx_read "$cx_l/mtu")"; done)"
cx_report64 mounts "$(while read -r cx_dev cx_mnt cx_type cx_opts cx_rest; do
  case "$cx_dev" in /*|*:/*) ;; *) continue;; esac
  [ "$cx_type" = none ] && continue
  printf '%s|%s|%s|%s|%s\\n' "$cx_dev" "$cx_mnt" "$cx_type" "$cx_opts" "$(stat -f -c '%S %b %f %a %c %d' -- "$(printf '%b' "$cx_mnt")" 2>/dev/null)"
done < /proc/mounts)"
cx_report64 env "$(env)"
cx_report done 1
`;
var setupModule = {
  name: "setup",
  argsSchema: {
    type: "object",
    properties: {
      gather_subset: { type: "array", items: { type: "string" } },
      filter: { type: "array", items: { type: "string" } },
      gather_timeout: { type: "integer" },
      fact_path: { type: "string" }
    },
    additionalProperties: false
  },
  checkMode: "full",
  diffMode: "none",
  runsOn: "target",
  async run(ctx) {
    const result = await ctx.exec(FACTS_SCRIPT);
    const report = parseReport(result.stdout);
    if (report.done !== "1")
      return scriptFailure(result.rc, result.stderr);
    const facts = factsFrom(report);
    const filters = ctx.args.filter ?? [];
    return { changed: false, ansible_facts: filters.length === 0 ? facts : filtered(facts, filters) };
  }
};
function factsFrom(report) {
  const hostname = (report.hostname ?? "").trim();
  const fqdn = (report.fqdn ?? hostname).trim();
  const memory = meminfoMegabytes(report.meminfo ?? "");
  const [userId, uid, gid, home, shell] = (report.user ?? "").split("|");
  const pid1 = (report.service_mgr ?? "").trim();
  return {
    ansible_hostname: hostname.split(".")[0],
    ansible_nodename: hostname,
    ansible_fqdn: fqdn,
    ansible_domain: fqdn.includes(".") ? fqdn.slice(fqdn.indexOf(".") + 1) : "",
    ansible_kernel: report.kernel,
    ansible_kernel_version: report.kernel_version,
    ansible_architecture: report.architecture,
    ansible_machine: report.architecture,
    ansible_system: "Linux",
    ansible_processor_vcpus: Number(report.vcpus ?? 0),
    ansible_processor_nproc: Number(report.nproc ?? report.vcpus ?? 0),
    ansible_memtotal_mb: memory.MemTotal,
    ansible_memfree_mb: memory.MemFree,
    ansible_swaptotal_mb: memory.SwapTotal,
    ansible_swapfree_mb: memory.SwapFree,
    ansible_user_id: userId,
    ansible_user_uid: Number(uid),
    ansible_user_gid: Number(gid),
    ansible_user_dir: home,
    ansible_user_shell: shell,
    ...distributionFacts(parseOsRelease(report.os_release ?? ""), report.debian_version ?? ""),
    ansible_service_mgr: pid1 === "systemd" ? "systemd" : pid1 || "unknown",
    ansible_pkg_mgr: report.pkg_mgr === "apt-get" ? "apt" : report.pkg_mgr ?? "unknown",
    ansible_machine_id: (report.machine_id ?? "").trim(),
    ansible_uptime_seconds: Math.floor(Number((report.uptime ?? "0").split(" ")[0])),
    ...networkFacts({ ipAddresses: report.ip_addresses, ipRoute: report.ip_route, fibTrie: report.fib_trie, procRoute: report.proc_route, links: report.links }),
    ansible_mounts: parseMounts(report.mounts ?? ""),
    ansible_env: parseEnvironment(report.env ?? "")
  };
}
function meminfoMegabytes(text2) {
  const out = { MemTotal: 0, MemFree: 0, SwapTotal: 0, SwapFree: 0 };
  for (const match2 of text2.matchAll(/^(\w+):\s+(\d+)/gm))
    out[match2[1]] = Math.floor(Number(match2[2]) / 1024);
  return out;
}
function filtered(facts, patterns) {
  const matchers = patterns.map((pattern) => new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`));
  return Object.fromEntries(Object.entries(facts).filter(([name]) => matchers.some((matcher) => matcher.test(name))));
}

// dist/engine/modules/shell.js
var shellModule = {
  name: "shell",
  argsSchema: {
    type: "object",
    properties: COMMAND_ARGS,
    additionalProperties: false
  },
  freeForm: true,
  checkMode: "partial",
  diffMode: "none",
  runsOn: "target",
  run: (ctx) => runCommand(ctx, true)
};

// dist/engine/modules/slurp.js
var slurpModule = {
  name: "slurp",
  argsSchema: {
    type: "object",
    properties: { src: { type: "string" }, path: { type: "string" } },
    anyOf: [{ required: ["src"] }, { required: ["path"] }],
    additionalProperties: false
  },
  checkMode: "full",
  diffMode: "none",
  runsOn: "target",
  async run(ctx) {
    const source = String(ctx.args.src ?? ctx.args.path);
    const script = [
      REPORT_FUNCTIONS,
      `p=${quote(source)}`,
      '[ -d "$p" ] && cx_fail "source is a directory and must be a file"',
      '[ -e "$p" ] || cx_fail "file not found: $p"',
      '[ -r "$p" ] || cx_fail "file is not readable: $p"',
      `printf '@@cx content='; base64 < "$p" | tr -d '\\n'; printf '\\n'`
    ].join("\n");
    const result = await ctx.exec(script);
    const report = parseReport(result.stdout);
    const failure = reportedFailure(report);
    if (failure)
      return failure;
    if (report.content === void 0)
      return scriptFailure(result.rc, result.stderr);
    return { changed: false, content: report.content, encoding: "base64", source };
  }
};

// dist/engine/modules/stat.js
var ALGORITHMS2 = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"];
var FORMAT = "%f|%s|%u|%g|%U|%G|%.9X|%.9Y|%.9Z|%i|%h|%d|%b|%B|%r";
var statModule = {
  name: "stat",
  argsSchema: {
    type: "object",
    properties: {
      path: { type: "string" },
      dest: { type: "string" },
      name: { type: "string" },
      follow: { type: "boolean", default: false },
      get_checksum: { type: "boolean", default: true },
      checksum_algorithm: { enum: ALGORITHMS2, default: "sha1" },
      checksum_algo: { enum: ALGORITHMS2 },
      get_md5: { type: "boolean", default: false },
      get_mime: { type: "boolean", default: true },
      get_attributes: { type: "boolean", default: true }
    },
    anyOf: [{ required: ["path"] }, { required: ["dest"] }, { required: ["name"] }],
    additionalProperties: false
  },
  checkMode: "full",
  diffMode: "none",
  runsOn: "target",
  async run(ctx) {
    const { args: args2 } = ctx;
    const path = String(args2.path ?? args2.dest ?? args2.name);
    const algorithm = String(args2.checksum_algo ?? args2.checksum_algorithm ?? "sha1");
    const follow = args2.follow === true;
    const script = [
      REPORT_FUNCTIONS,
      `p=${quote(path)}`,
      `if [ ! -e "$p" ] && ${follow ? "true" : '[ ! -L "$p" ]'}; then cx_report exists 0; exit 0; fi`,
      `info=$(stat ${follow ? "-L " : ""}-c ${quote(FORMAT)} -- "$p" 2>&1) || cx_fail "$info"`,
      'cx_report64 info "$info"',
      '[ -L "$p" ] && { cx_report64 lnk_source "$(readlink -f -- "$p")"; cx_report64 lnk_target "$(readlink -- "$p")"; }',
      '[ -r "$p" ] && cx_report readable 1; [ -w "$p" ] && cx_report writeable 1; [ -x "$p" ] && cx_report executable 1',
      // Checksums only for regular files (a link only when followed), as Ansible.
      `if [ -f "$p" ] && [ -r "$p" ] && ${follow ? "true" : '[ ! -L "$p" ]'}; then`,
      args2.get_checksum === false ? "  :" : `  cx_s=$(${algorithm}sum < "$p"); cx_report checksum "\${cx_s%% *}"`,
      args2.get_md5 === true ? `  cx_report md5 "$(md5sum < "$p" | cut -d' ' -f1)"` : "",
      "fi",
      args2.get_mime === false ? "" : 'command -v file >/dev/null 2>&1 && cx_report64 mime "$(file -b --mime-type --mime-encoding -- "$p" 2>/dev/null)"'
    ].filter(Boolean).join("\n");
    const result = await ctx.exec(script);
    const report = parseReport(result.stdout);
    if (report.failed === "1")
      return { changed: false, failed: true, msg: report.msg ?? `cannot stat ${path}` };
    if (report.exists === "0")
      return { changed: false, stat: { exists: false } };
    if (!report.info)
      return scriptFailure(result.rc, result.stderr);
    return { changed: false, stat: statFacts(path, report, args2.get_mime !== false) };
  }
};
function statFacts(path, report, withMime) {
  const [hexMode, size, uid, gid, owner, group, atime, mtime, ctime, inode, links, device, blocks, blockSize, rdev] = report.info.split("|");
  const raw = Number.parseInt(hexMode, 16);
  const type = raw & 61440;
  const bit = (mask) => (raw & mask) !== 0;
  const stat = {
    exists: true,
    path,
    mode: (raw & 4095).toString(8).padStart(4, "0"),
    isdir: type === 16384,
    ischr: type === 8192,
    isblk: type === 24576,
    isreg: type === 32768,
    isfifo: type === 4096,
    islnk: type === 40960,
    issock: type === 49152,
    uid: Number(uid),
    gid: Number(gid),
    size: Number(size),
    inode: Number(inode),
    dev: Number(device),
    nlink: Number(links),
    atime: Number(atime),
    mtime: Number(mtime),
    ctime: Number(ctime),
    wusr: bit(128),
    rusr: bit(256),
    xusr: bit(64),
    wgrp: bit(16),
    rgrp: bit(32),
    xgrp: bit(8),
    woth: bit(2),
    roth: bit(4),
    xoth: bit(1),
    isuid: bit(2048),
    isgid: bit(1024),
    blocks: Number(blocks),
    block_size: Number(blockSize),
    device_type: Number(rdev),
    readable: report.readable === "1",
    writeable: report.writeable === "1",
    executable: report.executable === "1"
  };
  if (owner !== "UNKNOWN")
    stat.pw_name = owner;
  if (group !== "UNKNOWN")
    stat.gr_name = group;
  if (report.lnk_source !== void 0) {
    stat.lnk_source = report.lnk_source;
    stat.lnk_target = report.lnk_target;
  }
  if (report.checksum)
    stat.checksum = report.checksum;
  if (report.md5)
    stat.md5 = report.md5;
  if (withMime) {
    const [mimetype, charset] = (report.mime ?? "").split(";").map((part) => part.trim().replace(/^charset=/, ""));
    stat.mimetype = mimetype || "unknown";
    stat.charset = charset || "unknown";
  }
  return stat;
}

// dist/engine/modules/systemd.js
var systemdModule = {
  name: "systemd",
  aliases: ["systemd_service"],
  argsSchema: { type: "object", properties: { ...SERVICE_ARGS, unit: { type: "string" }, service: { type: "string" } }, additionalProperties: false },
  checkMode: "full",
  diffMode: "none",
  runsOn: "target",
  run: (ctx) => manageService(ctx, ctx.args.name ?? ctx.args.unit ?? ctx.args.service)
};

// dist/engine/modules/template.js
var templateModule = {
  name: "template",
  argsSchema: {
    type: "object",
    properties: {
      src: { type: "string" },
      dest: { type: "string" },
      force: { type: "boolean", default: true },
      backup: { type: "boolean", default: false },
      validate: { type: "string" },
      follow: { type: "boolean", default: false },
      ...ATTRIBUTE_SCHEMA
    },
    required: ["src", "dest"],
    additionalProperties: false
  },
  checkMode: "full",
  diffMode: "full",
  runsOn: "target",
  async run(ctx) {
    const path = ctx.resolveSource(String(ctx.args.src), "templates");
    const rendered = await ctx.renderTemplateFile(path);
    return writeFile(ctx, {
      dest: String(ctx.args.dest),
      content: Buffer.from(rendered, "utf8"),
      attributes: attributesFrom(ctx.args),
      force: ctx.args.force !== false,
      backup: ctx.args.backup === true,
      validate: ctx.args.validate,
      follow: ctx.args.follow === true,
      sourceLabel: path
    });
  }
};

// dist/engine/modules/uri.js
var MAX_CONTENT_BYTES = 4 * 1024 * 1024;
var uriModule = {
  name: "uri",
  argsSchema: {
    type: "object",
    properties: {
      url: { type: "string" },
      method: { type: "string", default: "GET" },
      body: {},
      body_format: { enum: ["raw", "json", "form-urlencoded"], default: "raw" },
      headers: { type: "object", additionalProperties: { type: ["string", "number", "boolean"] }, default: {} },
      status_code: { type: ["array", "integer"], items: { type: "integer" }, default: [200] },
      return_content: { type: "boolean", default: false },
      validate_certs: { type: "boolean", default: true },
      timeout: { type: "integer", default: 30 },
      follow_redirects: { enum: ["all", "no", "none", "safe", "urllib2", "yes"], default: "safe" },
      url_username: { type: "string" },
      user: { type: "string" },
      url_password: { type: "string" },
      password: { type: "string" },
      force_basic_auth: { type: "boolean", default: false },
      creates: { type: "string" },
      removes: { type: "string" }
    },
    required: ["url"],
    additionalProperties: false
  },
  checkMode: "none",
  diffMode: "none",
  runsOn: "target",
  async run(ctx) {
    const { args: args2 } = ctx;
    const method = String(args2.method).toUpperCase();
    if (!/^[A-Z]+$/.test(method))
      return { changed: false, failed: true, msg: "Parameter 'method' needs to be a single word in uppercase, like GET or POST." };
    const request = requestOf(args2);
    if (/[\u0000-\u001f\u007f]/.test([String(args2.url), ...request.headers, request.user ?? ""].join(""))) {
      return { changed: false, failed: true, msg: "url, headers and credentials must not contain control characters (a newline?)" };
    }
    const started = Date.now();
    const result = await ctx.exec(requestScript(ctx, method, request));
    const report = parseReport(result.stdout);
    const elapsed = Math.floor((Date.now() - started) / 1e3);
    if (report.skipped)
      return { changed: false, stdout: report.skipped };
    const failure = reportedFailure(report);
    if (failure)
      return failure;
    if (report.status === void 0)
      return scriptFailure(result.rc, result.stderr);
    return responseResult(ctx, report, elapsed);
  }
};
function requestOf(args2) {
  const headers = Object.entries(args2.headers).map(([name, value2]) => `${name}: ${String(value2)}`);
  const hasContentType = headers.some((header) => header.toLowerCase().startsWith("content-type:"));
  let body;
  if (args2.body !== void 0) {
    if (args2.body_format === "json") {
      body = typeof args2.body === "string" ? args2.body : JSON.stringify(args2.body);
      if (!hasContentType)
        headers.push("Content-Type: application/json");
    } else if (args2.body_format === "form-urlencoded") {
      body = typeof args2.body === "string" ? args2.body : new URLSearchParams(Object.entries(args2.body).map(([key, value2]) => [key, String(value2)])).toString();
      if (!hasContentType)
        headers.push("Content-Type: application/x-www-form-urlencoded");
    } else {
      body = typeof args2.body === "string" ? args2.body : JSON.stringify(args2.body);
    }
  }
  const username = args2.url_username ?? args2.user;
  const password = args2.url_password ?? args2.password;
  return { headers, body, user: username === void 0 ? void 0 : `${username}:${password ?? ""}` };
}
function requestScript(ctx, method, request) {
  const { args: args2 } = ctx;
  const follow = args2.follow_redirects === "all" || args2.follow_redirects === "yes" || ["safe", "urllib2"].includes(String(args2.follow_redirects)) && ["GET", "HEAD"].includes(method);
  const config = [
    `request = ${curlQuote2(method)}`,
    ...request.headers.map((header) => `header = ${curlQuote2(header)}`),
    ...request.user === void 0 ? [] : [`user = ${curlQuote2(request.user)}`, "basic"]
  ].join("\n");
  const lines = [REPORT_FUNCTIONS, "out=; hdr=; err=; body=", 'trap \'rm -f -- ${out:+"$out"} ${hdr:+"$hdr"} ${err:+"$err"} ${body:+"$body"}\' EXIT', "trap 'exit 143' TERM HUP INT"];
  if (args2.creates !== void 0)
    lines.push(`[ -e ${quote(String(args2.creates))} ] && { cx_report64 skipped ${quote(`skipped, since '${String(args2.creates)}' exists`)}; exit 0; }`);
  if (args2.removes !== void 0)
    lines.push(`[ -e ${quote(String(args2.removes))} ] || { cx_report64 skipped ${quote(`skipped, since '${String(args2.removes)}' does not exist`)}; exit 0; }`);
  lines.push(
    'command -v curl >/dev/null 2>&1 || cx_fail "uri needs curl on the host"',
    'out=$(mktemp) && hdr=$(mktemp) && err=$(mktemp) && body=$(mktemp) || cx_fail "cannot create a temporary file"',
    request.body === void 0 ? "" : heredocBase64('base64 -d > "$body"', request.body, '|| cx_fail "cannot write the request body"'),
    `url=${quote(String(args2.url))}`,
    // The config goes on curl's stdin: printf is a builtin, so the URL, headers and credentials never show in ps.
    `written=$( { printf 'url = "%s"\\n' "$(printf '%s' "$url" | sed 's/[\\\\"]/\\\\&/g')"; printf '%s\\n' ${quote(config)}; ${request.body === void 0 ? ":" : `printf 'data-binary = "@%s"\\n' "$body"`}; } | curl -sS ${follow ? "-L " : ""}${args2.validate_certs === false ? "-k " : ""}--max-time ${Number(args2.timeout)} -K - -o "$out" -D "$hdr" -w '%{http_code} %{url_effective}' 2>"$err")`,
    'cx_report64 curl_error "$(cat "$err")"',
    'cx_report status "${written%% *}"; cx_report64 effective_url "${written#* }"',
    // The headers of the last response (after redirects).
    `cx_report64 headers "$(awk '/^HTTP\\// { block = "" } { block = block $0 "\\n" } END { printf "%s", block }' "$hdr" | tr -d '\\r')"`,
    `cx_report64 content "$(head -c ${MAX_CONTENT_BYTES} "$out"; printf x)"`
  );
  return lines.filter(Boolean).join("\n");
}
function responseResult(ctx, report, elapsed) {
  const { args: args2 } = ctx;
  const url = String(args2.url);
  const wanted = [args2.status_code].flat().map(Number);
  const statusLine = (report.headers ?? "").split("\n")[0] ?? "";
  const headers = responseHeaders(report.headers ?? "");
  const status = Number(report.status) || -1;
  const content = (report.content ?? "x").slice(0, -1);
  const out = {
    changed: false,
    status,
    url: report.effective_url || url,
    redirected: (report.effective_url || url) !== url,
    elapsed,
    cookies: {},
    cookies_string: "",
    ...headers,
    msg: status === -1 ? `Request failed: ${(report.curl_error ?? "").trim()}` : status < 400 ? `OK (${headers.content_length ?? "unknown"} bytes)` : `HTTP Error ${statusLine.split(" ").slice(1).join(" ").replace(" ", ": ")}`
  };
  if (/json/i.test(String(headers.content_type ?? ""))) {
    try {
      out.json = JSON.parse(content);
    } catch {
    }
  }
  if (args2.return_content === true)
    out.content = content;
  if (!wanted.includes(status)) {
    out.failed = true;
    out.msg = `Status code was ${status} and not [${wanted.join(", ")}]: ${String(out.msg)}`;
  }
  return out;
}
function responseHeaders(block) {
  const headers = {};
  for (const line of block.split("\n").slice(1)) {
    const separator = line.indexOf(":");
    if (separator <= 0)
      continue;
    const name = line.slice(0, separator).trim().toLowerCase().replace(/-/g, "_");
    if (["__proto__", "constructor", "prototype"].includes(name))
      continue;
    headers[name] = line.slice(separator + 1).trim();
  }
  return headers;
}
function curlQuote2(value2) {
  return `"${value2.replace(/[\\"]/g, "\\$&")}"`;
}

// dist/engine/load/argument-check.js
var import_ajv3 = __toESM(require_ajv(), 1);
var ajv2 = new import_ajv3.Ajv({ allErrors: true, strict: false });
var validators2 = /* @__PURE__ */ new Map();
function argumentProblems(schema, values) {
  const validate = validatorFor2(schema);
  if (validate(values))
    return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath.slice(1) || error.params.missingProperty || "value"} ${error.message}`);
}
function validatorFor2(schema) {
  const key = JSON.stringify(schema);
  let validate = validators2.get(key);
  if (!validate) {
    validate = ajv2.compile(schema);
    validators2.set(key, validate);
  }
  return validate;
}

// dist/engine/modules/validate_argument_spec.js
var VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
var validateArgumentSpecModule = {
  name: "validate_argument_spec",
  argsSchema: {
    type: "object",
    properties: { argument_spec: { type: "object" }, provided_arguments: { type: "object" } },
    required: ["argument_spec"],
    additionalProperties: false
  },
  checkMode: "full",
  diffMode: "none",
  runsOn: "controller",
  async run(ctx) {
    const schema = ctx.args.argument_spec;
    const provided = ctx.args.provided_arguments ?? valuesInScope(schema, ctx.evaluate);
    const errors = argumentProblems(schema, provided);
    if (errors.length === 0)
      return { changed: false, msg: "The arg spec validation passed", validate_args_context: {} };
    return { changed: false, failed: true, msg: `Validation of arguments failed:
${errors.join("\n")}`, argument_errors: errors };
  }
};
function valuesInScope(schema, evaluate2) {
  const values = {};
  for (const name of Object.keys(schema.properties ?? {})) {
    if (!VARIABLE_NAME.test(name) || evaluate2(`${name} is defined`) !== true)
      continue;
    try {
      values[name] = evaluate2(name);
    } catch (error) {
      if (!(error instanceof UndefinedVariableError))
        throw error;
    }
  }
  return values;
}

// dist/engine/modules/wait_for.js
var MAX_CONTENT_BYTES2 = 1024 * 1024;
var waitForModule = {
  name: "wait_for",
  argsSchema: {
    type: "object",
    properties: {
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "integer" },
      path: { type: "string" },
      state: { enum: ["started", "present", "stopped", "absent", "drained"], default: "started" },
      timeout: { type: "integer", default: 300 },
      delay: { type: "integer", default: 0 },
      sleep: { type: "integer", default: 1 },
      connect_timeout: { type: "integer", default: 5 },
      search_regex: { type: "string" },
      msg: { type: "string" }
    },
    additionalProperties: false
  },
  checkMode: "full",
  diffMode: "none",
  runsOn: "target",
  async run(ctx) {
    const { args: args2 } = ctx;
    const problem = argumentProblem2(args2);
    if (problem)
      return { changed: false, failed: true, elapsed: 0, msg: problem };
    const started = Date.now();
    const result = await ctx.exec(waitScript(args2));
    const elapsed = Math.floor((Date.now() - started) / 1e3);
    const report = parseReport(result.stdout);
    if (report.timeout === "1")
      return { changed: false, failed: true, elapsed, msg: args2.msg !== void 0 ? String(args2.msg) : timeoutMessage(args2) };
    const failure = reportedFailure(report, { elapsed });
    if (failure)
      return failure;
    if (report.done !== "1")
      return scriptFailure(result.rc, result.stderr);
    const out = { changed: false, elapsed, state: args2.state, port: args2.port ?? null, path: args2.path ?? null, search_regex: args2.search_regex ?? null, ...matchGroups(ctx, report.content) };
    if (report.mode !== void 0)
      Object.assign(out, { mode: report.mode, owner: report.owner, group: report.group, uid: Number(report.uid), gid: Number(report.gid), size: Number(report.size) });
    return out;
  }
};
function argumentProblem2(args2) {
  const { port, path, state } = args2;
  if (port !== void 0 && path !== void 0)
    return "port and path parameter can not both be passed to wait_for";
  if (path !== void 0 && state === "stopped")
    return "state=stopped should only be used for checking a port in the wait_for module";
  if (path !== void 0 && state === "drained")
    return "state=drained should only be used for checking a port in the wait_for module";
  if (state === "drained")
    return "wait_for: state=drained is not supported; use state=stopped to wait for the port to close";
  if (port !== void 0 && args2.search_regex !== void 0)
    return "wait_for: search_regex on a port is not supported; use it with path";
  if (args2.search_regex !== void 0) {
    try {
      pythonRegExp(String(args2.search_regex), "search", "m");
    } catch (error) {
      return `Invalid regular expression: ${error.message}`;
    }
  }
  return void 0;
}
function timeoutMessage(args2) {
  const { host, port, path, state } = args2;
  const toStop = state === "stopped" || state === "absent";
  if (port !== void 0)
    return toStop ? `Timeout when waiting for ${String(host)}:${String(port)} to stop.` : `Timeout when waiting for ${String(host)}:${String(port)}`;
  if (toStop)
    return `Timeout when waiting for ${String(path)} to be absent.`;
  if (args2.search_regex !== void 0)
    return `Timeout when waiting for search string ${String(args2.search_regex)} in ${String(path)}`;
  return `Timeout when waiting for file ${String(path)}`;
}
function matchGroups(ctx, content) {
  const pattern = ctx.args.search_regex;
  const match2 = pattern === void 0 || content === void 0 ? null : pythonRegExp(String(pattern), "search", "m").exec(content);
  return { match_groups: match2 ? match2.slice(1) : [], match_groupdict: match2?.groups ? { ...match2.groups } : {} };
}
function waitScript(args2) {
  const { port, path, state } = args2;
  const toStop = state === "stopped" || state === "absent";
  const lines = [
    REPORT_FUNCTIONS,
    `end=$(( $(date +%s) + ${Number(args2.timeout)} ))`,
    `sleep ${Number(args2.delay)}`
  ];
  if (port === void 0 && path === void 0) {
    lines.push(`sleep ${Number(args2.timeout)}`, "cx_report done 1");
    return lines.join("\n");
  }
  let probe;
  if (port !== void 0) {
    lines.push(`if command -v bash >/dev/null 2>&1; then cx_open() { timeout "$3" bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null; }`, 'elif command -v nc >/dev/null 2>&1; then cx_open() { nc -z -w "$3" "$1" "$2" 2>/dev/null; }', 'else cx_fail "wait_for needs bash or nc on the host to probe ports"; fi');
    probe = `cx_open ${quote(String(args2.host))} ${Number(port)} ${Number(args2.connect_timeout)}`;
  } else {
    lines.push(attributeFunctions({}, true), `p=${quote(String(path))}`);
    if (args2.search_regex !== void 0) {
      lines.push(`if echo | grep -Pq '' 2>/dev/null; then cx_grep() { grep -Pq -- "$1" "$2" 2>/dev/null; }; else cx_grep() { grep -Eq -- "$1" "$2" 2>/dev/null; }; fi`);
      probe = `[ -f "$p" ] && cx_grep ${quote(String(args2.search_regex))} "$p"`;
    } else {
      probe = '[ -e "$p" ] || [ -L "$p" ]';
    }
  }
  lines.push(`cx_ready() { if ${probe}; then ${toStop ? "return 1" : "return 0"}; else ${toStop ? "return 0" : "return 1"}; fi; }`, 'while [ "$(date +%s)" -lt "$end" ]; do', `  if cx_ready; then ${args2.search_regex !== void 0 ? `cx_report64 content "$(head -c ${MAX_CONTENT_BYTES2} -- "$p")"; ` : ""}${path !== void 0 ? '[ -e "$p" ] && cx_report_attributes "$p"; ' : ""}cx_report done 1; exit 0; fi`, `  sleep ${Number(args2.sleep)}`, "done", "cx_report timeout 1");
  return lines.join("\n");
}

// dist/engine/modules/registry.js
var ALL = [
  assertModule,
  commandModule,
  copyModule,
  debugModule,
  failModule,
  fetchModule,
  fileModule,
  getUrlModule,
  lineinfileModule,
  pauseModule,
  serviceModule,
  setFactModule,
  setupModule,
  shellModule,
  slurpModule,
  statModule,
  systemdModule,
  templateModule,
  uriModule,
  validateArgumentSpecModule,
  waitForModule
];
var byName = /* @__PURE__ */ new Map();
for (const module of ALL)
  for (const name of [module.name, ...module.aliases ?? []])
    byName.set(name, module);
function findModule(name) {
  return byName.get(name.replace(/^ansible\.(builtin|legacy)\./, ""));
}
function moduleNames() {
  return [...byName.keys()];
}

// dist/engine/modules/short-form.js
var FREE_FORM_OPTIONS = /* @__PURE__ */ new Set(["creates", "removes", "chdir", "executable", "warn", "stdin", "stdin_add_newline", "strip_empty_ends"]);
var FORBIDDEN_KEYS2 = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
function parseShortForm(text2, module) {
  const args2 = {};
  const command = [];
  for (const word of splitArgs(text2)) {
    const pair = keyValue(decodeEscapes(word.text));
    if (pair && (!module.freeForm || FREE_FORM_OPTIONS.has(pair.key))) {
      if (FORBIDDEN_KEYS2.has(pair.key))
        throw new CxError(`${module.name}: '${pair.key}' cannot be used as an argument name`);
      args2[pair.key] = pair.value;
    } else if (module.freeForm) {
      command.push(word);
    } else {
      throw new CxError(`${module.name}: cannot read '${word.text}' as name=value`, {
        hint: 'write each argument as name=value (quote values with spaces: name="a b"), or use the mapping form'
      });
    }
  }
  if (command.length > 0)
    args2._raw_params = joinCommand(text2, command);
  return args2;
}
function keyValue(word) {
  for (let index = 1; index < word.length; index += 1) {
    if (word[index] === "=" && word[index - 1] !== "\\") {
      return { key: word.slice(0, index).trim(), value: unquote(word.slice(index + 1).trim()) };
    }
  }
  return void 0;
}
function joinCommand(text2, words) {
  let out = "";
  for (const [index, word] of words.entries()) {
    const previous = words[index - 1];
    if (previous)
      out += previous.end === word.start ? "" : adjacentGap(text2, previous, word);
    out += word.text;
  }
  return out;
}
function adjacentGap(text2, previous, word) {
  const gap = text2.slice(previous.end, word.start);
  return /^\s+$/.test(gap) ? gap : " ";
}
function splitArgs(text2) {
  const words = [];
  let index = 0;
  while (index < text2.length) {
    while (index < text2.length && /\s/.test(text2[index]))
      index += 1;
    if (index >= text2.length)
      break;
    const start = index;
    let quote2;
    const depth = { "{{": 0, "{%": 0, "{#": 0 };
    const open = () => quote2 !== void 0 || depth["{{"] > 0 || depth["{%"] > 0 || depth["{#"] > 0;
    while (index < text2.length && (open() || !/\s/.test(text2[index]))) {
      const char = text2[index];
      const pair = text2.slice(index, index + 2);
      if (char === "\\") {
        index += 2;
        continue;
      }
      if (quote2) {
        if (char === quote2)
          quote2 = void 0;
      } else if (char === '"' || char === "'") {
        quote2 = char;
      }
      if (pair === "{{" || pair === "{%" || pair === "{#") {
        depth[pair] += 1;
        index += 2;
        continue;
      }
      const closer = { "}}": "{{", "%}": "{%", "#}": "{#" }[pair];
      if (closer && depth[closer] > 0) {
        depth[closer] -= 1;
        index += 2;
        continue;
      }
      index += 1;
    }
    if (open()) {
      throw new CxError(`failed at splitting arguments, either an unbalanced jinja2 block or quotes: ${text2}`, {
        hint: "close every quote and {{ }} block, or write the arguments in the mapping form"
      });
    }
    words.push({ text: text2.slice(start, Math.min(index, text2.length)), start, end: Math.min(index, text2.length) });
  }
  return words;
}
function unquote(value2) {
  const quoted = value2.length > 1 && value2[0] === value2.at(-1) && (value2[0] === '"' || value2[0] === "'") && value2.at(-2) !== "\\";
  return quoted ? value2.slice(1, -1) : value2;
}
var SIMPLE_ESCAPES = { "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "	", v: "\v" };
function decodeEscapes(text2) {
  return text2.replace(/\\(U[0-9a-fA-F]{8}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\\'"abfnrtv])/g, (_whole, escape2) => {
    if (escape2.length === 1)
      return SIMPLE_ESCAPES[escape2];
    return String.fromCodePoint(Number.parseInt(escape2.slice(1), 16));
  });
}

// dist/engine/modules/validate-args.js
var import_ajv4 = __toESM(require_ajv(), 1);
var ajv3 = new import_ajv4.Ajv({ allErrors: true, useDefaults: true, strict: false, validateSchema: false, code: { optimize: false } });
var compiled = /* @__PURE__ */ new Map();
var TRUE_WORDS2 = /* @__PURE__ */ new Set(["yes", "on", "true", "1", "y", "t", "1.0"]);
var FALSE_WORDS = /* @__PURE__ */ new Set(["no", "off", "false", "0", "n", "f", "0.0"]);
var FORBIDDEN_KEYS3 = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
function validateArgs(module, args2) {
  refuseForbiddenKeys(module, args2);
  const normalized = normalize2(module, args2);
  const { full } = validatorsFor(module);
  if (!full(normalized))
    throw argumentError(module, full.errors ?? [], normalized);
  return normalized;
}
function validateArgsStatic(module, args2) {
  refuseForbiddenKeys(module, args2);
  const concrete = {};
  for (const [key, value2] of Object.entries(args2))
    if (!containsTemplate(value2))
      concrete[key] = value2;
  const normalized = normalize2(module, concrete);
  const { relaxed } = validatorsFor(module);
  const problems = relaxed(normalized) ? [] : describeErrors(module, relaxed.errors ?? [], normalized);
  problems.push(...missingRequired(module, args2));
  if (problems.length > 0)
    throw problemsError(module, problems);
}
function validatorsFor(module) {
  let entry = compiled.get(module);
  if (!entry) {
    const schema = JSON.parse(JSON.stringify(module.argsSchema));
    const { required: _required, anyOf: _anyOf, ...withoutRequired } = schema;
    entry = { full: ajv3.compile(schema), relaxed: ajv3.compile(withoutRequired) };
    compiled.set(module, entry);
  }
  return entry;
}
function propertiesOf(module) {
  return module.argsSchema.properties ?? {};
}
function refuseForbiddenKeys(module, args2) {
  for (const key of Object.keys(args2)) {
    if (FORBIDDEN_KEYS3.has(key))
      throw new CxError(`${module.name}: '${key}' cannot be used as an argument name`);
  }
}
function normalize2(module, args2) {
  const properties = propertiesOf(module);
  const out = {};
  for (const [key, value2] of Object.entries(args2)) {
    const property = Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : void 0;
    out[key] = property ? coerce(value2, property) : value2;
  }
  return out;
}
function coerce(value2, property) {
  const types = [property.type ?? []].flat();
  const converted = coerceScalar(value2, types);
  return Array.isArray(converted) && property.items ? converted.map((item) => coerce(item, property.items)) : converted;
}
function coerceScalar(value2, types) {
  if (types.length === 0 || value2 === null || value2 === void 0)
    return value2;
  if (types.includes(jsonType(value2)))
    return value2;
  if (types.includes("integer") && typeof value2 === "number")
    return value2;
  if (types.includes("boolean")) {
    const word = String(value2).trim().toLowerCase();
    if (typeof value2 === "string" || typeof value2 === "number") {
      if (TRUE_WORDS2.has(word))
        return true;
      if (FALSE_WORDS.has(word))
        return false;
    }
  }
  if ((types.includes("integer") || types.includes("number")) && typeof value2 === "string") {
    const text2 = value2.trim();
    if (types.includes("integer") ? /^[-+]?\d+$/.test(text2) : /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text2))
      return Number(text2);
  }
  if (types.includes("string") && (typeof value2 === "number" || typeof value2 === "boolean")) {
    return typeof value2 === "boolean" ? value2 ? "True" : "False" : String(value2);
  }
  if (types.includes("array") && typeof value2 === "string")
    return value2.split(",").map((item) => item.trim());
  return value2;
}
function jsonType(value2) {
  if (Array.isArray(value2))
    return "array";
  if (value2 === null)
    return "null";
  if (typeof value2 === "number")
    return Number.isInteger(value2) ? "integer" : "number";
  return typeof value2;
}
function missingRequired(module, args2) {
  const problems = [];
  for (const name of module.argsSchema.required ?? []) {
    if (!(name in args2))
      problems.push(`'${name}' is required`);
  }
  const alternatives = requiredAlternatives(module);
  if (alternatives && !alternatives.some((name) => name in args2))
    problems.push(oneOfRequired(alternatives));
  return problems;
}
function requiredAlternatives(module) {
  const anyOf = module.argsSchema.anyOf;
  return anyOf?.flatMap((branch) => branch.required ?? []);
}
function oneOfRequired(names) {
  return names.length === 1 ? `'${names[0]}' is required` : `one of ${names.map((name) => `'${name}'`).join(", ")} is required`;
}
function argumentError(module, errors, args2) {
  return problemsError(module, describeErrors(module, errors, args2));
}
function problemsError(module, problems) {
  const unique3 = [...new Set(problems)];
  const names = Object.keys(propertiesOf(module)).filter((name) => !name.startsWith("_"));
  const hint = unique3.some((problem) => problem.startsWith("unknown argument")) ? `${module.name} takes: ${names.join(", ")}` : `see: ansible-doc -t module ${module.name}`;
  return new CxError(`${module.name}: ${unique3.join("; ")}`, { hint });
}
function describeErrors(module, errors, args2) {
  const problems = [];
  for (const error of errors) {
    if (error.schemaPath.startsWith("#/anyOf/"))
      continue;
    const problem = describeError(module, error, args2);
    if (problem)
      problems.push(problem);
  }
  return problems;
}
function describeError(module, error, args2) {
  const name = error.instancePath.replace(/^\//, "").replace(/\//g, ".");
  const params = error.params;
  const properties = Object.keys(propertiesOf(module)).filter((property) => !property.startsWith("_"));
  switch (error.keyword) {
    case "required":
      return `'${String(params.missingProperty)}' is required`;
    case "anyOf":
      return oneOfRequired(requiredAlternatives(module) ?? []);
    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      return `unknown argument '${extra}'${didYouMean(extra, properties)}`;
    }
    case "propertyNames":
      return void 0;
    // reported by the pattern error of the offending name
    case "pattern":
      if (error.propertyName !== void 0)
        return `'${error.propertyName}' is not a valid variable name (letters, digits and _, not starting with a digit)`;
      return `'${name}' must match ${String(params.pattern)}; got ${show(valueAt(args2, name))}`;
    case "enum": {
      const allowed = params.allowedValues.map(String);
      const got = String(valueAt(args2, name));
      return `'${name}' must be one of ${allowed.join(", ")}; got '${got}'${suggestValue(got, allowed)}`;
    }
    case "type":
      return `'${name}' must be ${[params.type].flat().map(article).join(" or ")}; got ${show(valueAt(args2, name))}`;
    default:
      return `${name ? `'${name}' ` : ""}${error.message ?? "is invalid"}`;
  }
}
function suggestValue(got, allowed) {
  const extended = got.length > 0 ? allowed.filter((value2) => value2.startsWith(got)) : [];
  return extended.length === 1 ? ` \u2014 did you mean '${extended[0]}'?` : didYouMean(got, allowed);
}
function valueAt(args2, path) {
  let value2 = args2;
  for (const part of path.split("."))
    value2 = value2 && typeof value2 === "object" ? value2[part] : void 0;
  return value2;
}
function article(type) {
  const names = { string: "a string", integer: "an integer", number: "a number", boolean: "a boolean (yes/no)", array: "a list", object: "a mapping" };
  return names[String(type)] ?? String(type);
}
function show(value2) {
  return typeof value2 === "string" ? `'${value2}'` : JSON.stringify(value2) ?? String(value2);
}
function containsTemplate(value2) {
  if (typeof value2 === "string")
    return isTemplated(value2);
  if (Array.isArray(value2))
    return value2.some(containsTemplate);
  if (value2 && typeof value2 === "object")
    return Object.values(value2).some(containsTemplate);
  return false;
}

// dist/engine/load/task-includes.js
import { existsSync as existsSync4 } from "node:fs";
import { dirname as dirname4, isAbsolute, join as join4, relative, resolve as resolve4 } from "node:path";

// dist/engine/load/role-entry.js
var validationTasks = /* @__PURE__ */ new WeakMap();
function roleEntryTasks(instance) {
  const spec = instance.role.argumentSpec;
  if (!spec?.taskName)
    return instance.role.tasks;
  let task = validationTasks.get(spec);
  if (!task) {
    task = {
      kind: "task",
      at: spec.at,
      when: [],
      tags: ["always"],
      vars: {},
      name: spec.taskName,
      module: "validate_argument_spec",
      args: { argument_spec: withoutDescriptions(spec.schema) },
      notify: [],
      listen: []
    };
    validationTasks.set(spec, task);
  }
  return [task, ...instance.role.tasks];
}
function withoutDescriptions(value2) {
  if (Array.isArray(value2))
    return value2.map(withoutDescriptions);
  if (!value2 || typeof value2 !== "object")
    return value2;
  return Object.fromEntries(Object.entries(value2).filter(([key]) => key !== "description").map(([key, item]) => [key, withoutDescriptions(item)]));
}

// dist/engine/load/role-blocks.js
var RoleExpander = class {
  baseDir;
  blocks = [];
  handlers = [];
  seen = /* @__PURE__ */ new Set();
  constructor(baseDir) {
    this.baseDir = baseDir;
  }
  /** Add one use of role `name`; `keywords` (when, tags, become, ...) apply to it and to its dependencies. */
  add(name, params, keywords, stack = [], from) {
    const instance = loadRole(name, { baseDir: this.baseDir, params, at: keywords.at, stack, from });
    for (const dependency of instance.role.dependencies) {
      this.add(dependency.name, dependency.params, withinRole(keywords, dependency), [...stack, instance.role.dir]);
    }
    const key = JSON.stringify([instance.role.dir, from ?? {}, params]);
    if (this.seen.has(key) && !instance.role.allowDuplicates)
      return;
    this.seen.add(key);
    for (const handler of instance.role.handlers)
      if (!this.handlers.includes(handler))
        this.handlers.push(handler);
    this.blocks.push({ kind: "block", ...keywords, role: instance, name: `role ${instance.role.name}`, block: roleEntryTasks(instance), rescue: [], always: [] });
  }
};
function withinRole(outer, inner) {
  const defined2 = Object.fromEntries(Object.entries(inner).filter(([, value2]) => value2 !== void 0));
  return { ...outer, ...defined2, when: [...outer.when, ...inner.when], tags: [...outer.tags, ...inner.tags], vars: { ...outer.vars, ...inner.vars } };
}

// dist/engine/load/task-includes.js
var taskFiles = runCache();
function loadTaskFile(path, options = {}) {
  const roleDir = options.roleDir ?? options.role?.role.dir;
  const key = `${path}\0${roleDir ?? ""}`;
  const cached = taskFiles.get(key);
  if (cached)
    return cached;
  const context = {
    file: path,
    dir: dirname4(path),
    roleDir,
    playDir: options.playDir ?? dirname4(path),
    fileStack: [...options.fileStack ?? [], path],
    roleStack: options.roleStack ?? (roleDir ? [roleDir] : []),
    handlers: []
  };
  const tasks = parseTaskList(loadYamlFile(path), context);
  if (context.handlers.length > 0) {
    throw new CxError("import_role in a file loaded by include_tasks cannot bring handlers", { at: { file: path }, hint: "use include_role there, or import the file with import_tasks" });
  }
  taskFiles.set(key, tasks);
  return tasks;
}
function parseInclude(node, kind, context, at) {
  const args2 = includeArgs(node, kind, at);
  const target = includeTarget(node, kind, args2, at);
  const vars = node.vars ?? {};
  let baseDir = context.playDir;
  if (kind === "include_tasks") {
    baseDir = context.dir;
    if (!isTemplated(target)) {
      const found = findTaskFile(target, context, keyPositionOf(node, kind, at));
      baseDir = found.dir;
      validateIncludedFile(found.path, context);
    }
  } else if (!isTemplated(target)) {
    validateIncludedRole(target, { from: roleFrom(args2), params: vars, at }, context);
  }
  return {
    kind,
    ...inheritableFrom(node, at),
    name: node.name ?? void 0,
    target,
    from: kind === "include_role" ? roleFrom(args2) : void 0,
    baseDir,
    ...loopOf(node)
  };
}
function importTasks(node, context, at) {
  const keyAt = keyPositionOf(node, "import_tasks", at);
  const target = includeTarget(node, "import_tasks", includeArgs(node, "import_tasks", at), at);
  if (isTemplated(target))
    throw new CxError("import_tasks needs a fixed file name; a templated name needs include_tasks", { at: keyAt });
  const { path } = findTaskFile(target, context, keyAt);
  if (context.fileStack.includes(path)) {
    const chain = [...context.fileStack.slice(context.fileStack.indexOf(path)), path].map((file) => displayPath(file, context.playDir));
    throw new CxError(`import cycle: ${chain.join(" -> ")}`, { at: keyAt, hint: "a task file must not import itself, directly or through others" });
  }
  const inner = { ...context, file: path, dir: dirname4(path), fileStack: [...context.fileStack, path] };
  const block = parseTaskList(loadYamlFile(path), inner);
  return { kind: "block", ...inheritableFrom(node, at), name: node.name ?? void 0, block, rescue: [], always: [] };
}
function importRole(node, context, at) {
  const args2 = includeArgs(node, "import_role", at);
  const name = includeTarget(node, "import_role", args2, at);
  if (isTemplated(name))
    throw new CxError("import_role needs a fixed role name; a templated name needs include_role", { at: keyPositionOf(node, "import_role", at) });
  const dir = findRoleDir(name, context.playDir, at);
  if (context.roleStack.includes(dir))
    throw new CxError(`role '${name}' imports itself`, { at, hint: "use include_role with a condition for a role that recurses" });
  const expander = new RoleExpander(context.playDir);
  expander.add(name, node.vars ?? {}, inheritableFrom({ ...node, vars: void 0 }, at), context.roleStack, roleFrom(args2));
  for (const handler of expander.handlers)
    if (!context.handlers.includes(handler))
      context.handlers.push(handler);
  const label = node.name ?? void 0;
  if (expander.blocks.length === 1)
    return { ...expander.blocks[0], name: label ?? expander.blocks[0].name };
  return { kind: "block", ...inheritableFrom({}, at), name: label, block: expander.blocks, rescue: [], always: [] };
}
function includeArgs(node, kind, at) {
  const value2 = node[kind];
  const keyAt = keyPositionOf(node, kind, at);
  if (typeof value2 === "string")
    return kind.endsWith("role") ? { name: value2 } : { file: value2 };
  if (!value2 || typeof value2 !== "object" || Array.isArray(value2)) {
    throw new CxError(`${kind} needs ${kind.endsWith("role") ? "a role name" : "a file name"} or a mapping, got ${describeValue(value2)}`, { at: keyAt });
  }
  const args2 = value2;
  const allowed = INCLUDE_ARGUMENTS[kind];
  for (const [key, item] of Object.entries(args2)) {
    const argAt = keyPositionOf(args2, key, keyAt);
    if (!allowed.includes(key))
      throw new CxError(`${kind} has no argument '${key}'${didYouMean(key, allowed)}`, { at: argAt, hint: `${kind} takes: ${allowed.filter((name) => !name.startsWith("_")).join(", ")}` });
    if (typeof item !== "string")
      throw new CxError(`${kind} '${key}' expects a string, got ${describeValue(item)}`, { at: argAt });
  }
  return args2;
}
function includeTarget(node, kind, args2, at) {
  const target = kind.endsWith("role") ? args2.name : args2.file ?? args2._raw_params;
  if (typeof target !== "string" || target.trim() === "") {
    throw new CxError(`${kind} needs ${kind.endsWith("role") ? "a role name (name:)" : "a file (file:)"}`, { at: keyPositionOf(node, kind, at) });
  }
  return target.trim();
}
function roleFrom(args2) {
  const from = {};
  for (const kind of ["tasks", "vars", "defaults", "handlers"]) {
    const value2 = args2[`${kind}_from`];
    if (typeof value2 === "string")
      from[kind] = value2;
  }
  return from;
}
function findTaskFile(target, context, at) {
  const places = isAbsolute(target) ? [dirname4(target)] : [context.dir, context.roleDir ? join4(context.roleDir, "tasks") : void 0, context.playDir];
  const searched = [...new Set(places.filter((dir) => dir !== void 0))];
  for (const dir of searched) {
    const path = resolve4(dir, target);
    if (existsSync4(path))
      return { path, dir };
  }
  throw new CxError(`task file '${target}' not found`, { at, hint: `looked in: ${searched.join(", ")}` });
}
function validateIncludedFile(path, context) {
  if (context.fileStack.includes(path))
    return;
  loadTaskFile(path, { roleDir: context.roleDir, playDir: context.playDir, fileStack: context.fileStack, roleStack: context.roleStack });
}
function validateIncludedRole(name, request, context) {
  const dir = findRoleDir(name, context.playDir, request.at);
  if (context.roleStack.includes(dir))
    return;
  loadRole(name, { baseDir: context.playDir, ...request, stack: context.roleStack });
}
function displayPath(file, base) {
  const path = relative(base, file);
  return path.startsWith("..") ? file : path;
}

// dist/engine/load/tasks.js
var META_ACTIONS = /* @__PURE__ */ new Set(["flush_handlers", "noop", "end_play", "end_host", "clear_host_errors"]);
var LOOP_KEYWORDS = ["loop", "with_items", "with_list"];
var NOT_HANDLER = "a handler must call a module; blocks, includes, imports and meta are not supported as handlers";
function parseTaskList(value2, context, handler = false) {
  if (value2 === null || value2 === void 0)
    return [];
  const at = positionOf(value2, { file: context.file });
  if (!Array.isArray(value2))
    throw new CxError("a task list must be a YAML list of tasks", { at, hint: 'start each task with "- name: ..."' });
  return value2.map((item, index) => parseTask(item, context, handler, keyPositionOf(value2, String(index), at)));
}
function parseHandlers(value2, context) {
  return parseTaskList(value2, context, true).map((task) => {
    if (task.kind !== "task")
      throw new CxError(NOT_HANDLER, { at: task.at, hint: "move the tasks into the handler list one by one" });
    return task;
  });
}
function parseTask(item, context, handler, at) {
  if (!item || typeof item !== "object" || Array.isArray(item)) {
    throw new CxError("each task must be a mapping (name: ..., module: ...)", { at, hint: 'write "- name: ..." and the module on the next line' });
  }
  const node = withShortActionNames(item);
  if ("block" in node)
    return parseBlock2(node, context, handler, at);
  const action = findAction(node, at);
  checkKeywordTypes(node, TASK_KEYWORDS, "task", at);
  checkLoops(node, action, at);
  switch (action) {
    case "meta":
      return parseMeta(node, at);
    case "import_tasks":
      return importTasks(node, context, at);
    case "import_role":
      return importRole(node, context, at);
    case "include_tasks":
    case "include_role":
      return parseInclude(node, action, context, at);
    default:
      return parseModuleTask(node, findModule(action), context, handler, at);
  }
}
var QUALIFIED_ACTION = /^ansible\.(?:builtin|legacy)\.(include_tasks|import_tasks|include_role|import_role|meta)$/;
function withShortActionNames(node) {
  if (!Object.keys(node).some((key) => QUALIFIED_ACTION.test(key)))
    return node;
  const renamed = {};
  const at = positionOf(node);
  if (at)
    recordPosition(renamed, at);
  for (const [key, value2] of Object.entries(node)) {
    const short = QUALIFIED_ACTION.exec(key)?.[1] ?? key;
    renamed[short] = value2;
    const keyAt = keyPositionOf(node, key);
    if (keyAt)
      recordKeyPosition(renamed, short, keyAt);
  }
  return renamed;
}
function findAction(node, at) {
  const others = Object.keys(node).filter((key) => !(key in TASK_KEYWORDS));
  if (others.includes("import_playbook")) {
    throw new CxError("import_playbook belongs at the top level of a playbook, between plays, not in a task list", { at: keyPositionOf(node, "import_playbook", at) });
  }
  const actions = others.filter((key) => ACTION_KEYWORDS.includes(key) || findModule(key));
  const unknown = others.find((key) => !actions.includes(key));
  if (unknown !== void 0)
    throw unknownTaskKey(node, unknown, actions.length > 0, at);
  if (actions.length === 0)
    throw new CxError("this task does nothing: no module or action found", { at, hint: 'add a module, e.g. "command: ..." or "copy: ..."' });
  if (actions.length > 1) {
    throw new CxError(`a task calls one module, this one has ${actions.length}: ${actions.join(", ")}`, { at: keyPositionOf(node, actions[1], at), hint: "split it into one task per module" });
  }
  return actions[0];
}
function unknownTaskKey(node, key, hasAction, at) {
  const keywords = [...Object.keys(TASK_KEYWORDS), ...ACTION_KEYWORDS];
  const looksLikeKeyword = closest(key, keywords) !== void 0 && closest(key, moduleNames()) === void 0;
  if (hasAction || looksLikeKeyword || key in UNSUPPORTED_KEYWORDS)
    return unknownKeyword(node, key, keywords, "task", at);
  return new CxError(`unknown module '${key}'${didYouMean(key, [...moduleNames(), ...ACTION_KEYWORDS])}`, {
    at: keyPositionOf(node, key, at),
    hint: `cxplay's modules: ${[...new Set(moduleNames().map((name) => findModule(name).name))].sort().join(", ")}`
  });
}
function loopOf(node) {
  const key = LOOP_KEYWORDS.find((name) => node[name] != null);
  if (key === void 0)
    return { loop: void 0, loopFlatten: void 0, loopControl: void 0 };
  return { loop: node[key], loopFlatten: key === "with_items", loopControl: loopControl(node.loop_control) };
}
function checkLoops(node, action, at) {
  const loops = LOOP_KEYWORDS.filter((key) => node[key] != null);
  if (loops.length > 1)
    throw new CxError(`a task takes one loop; this one has ${loops.join(" and ")}`, { at: keyPositionOf(node, loops[1], at), hint: "keep loop: only" });
  if (loops.length === 1 && (action === "import_tasks" || action === "import_role" || action === "meta")) {
    const hint = action === "meta" ? void 0 : `use ${action.replace("import", "include")}, which runs once per item`;
    throw new CxError(`${action} cannot loop`, { at: keyPositionOf(node, loops[0], at), hint });
  }
}
function parseModuleTask(node, module, context, handler, at) {
  const key = Object.keys(node).find((name) => findModule(name) === module);
  if (!handler && node.listen != null)
    throw new CxError("'listen' is only for handlers", { at: keyPositionOf(node, "listen", at), hint: "move this task under handlers:, or use notify:" });
  return {
    kind: "task",
    ...inheritableFrom(node, at, handler ? context.role : void 0),
    name: node.name ?? void 0,
    module: module.name,
    args: moduleArgs(node, key, module, at),
    register: node.register ?? void 0,
    ...loopOf(node),
    changedWhen: node.changed_when == null ? void 0 : conditionList(node.changed_when),
    failedWhen: node.failed_when == null ? void 0 : conditionList(node.failed_when),
    until: node.until == null ? void 0 : conditionList(node.until),
    retries: node.retries ?? void 0,
    delay: node.delay ?? void 0,
    notify: nameList(node.notify),
    listen: nameList(node.listen)
  };
}
function moduleArgs(node, key, module, at) {
  const raw = node[key];
  const extra = node.args ?? {};
  const moduleAt = keyPositionOf(node, key, at);
  let args2;
  try {
    if (raw === null || raw === void 0)
      args2 = {};
    else if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean")
      args2 = parseShortForm(String(raw), module);
    else if (typeof raw === "object" && !Array.isArray(raw))
      args2 = { ...raw };
    else
      throw new CxError(`${module.name}: arguments must be a mapping or name=value text, not a list`);
    args2 = { ...extra, ...args2 };
    validateArgsStatic(module, args2);
  } catch (error) {
    throw error instanceof CxError ? withPosition(error, argumentPosition(error.message, [raw, extra]) ?? moduleAt) : error;
  }
  return args2;
}
function argumentPosition(message, sources) {
  for (const match2 of message.matchAll(/'([^']+)'/g)) {
    const name = match2[1];
    for (const source of sources) {
      if (source && typeof source === "object" && Object.prototype.hasOwnProperty.call(source, name))
        return keyPositionOf(source, name);
    }
  }
  return void 0;
}
function loopControl(value2) {
  if (!value2 || typeof value2 !== "object")
    return void 0;
  const control = value2;
  return {
    loopVar: control.loop_var ?? "item",
    indexVar: control.index_var ?? void 0,
    label: control.label ?? void 0,
    pause: control.pause == null ? void 0 : Number(control.pause),
    extended: control.extended == null ? void 0 : isTrue(control.extended)
  };
}
function parseBlock2(node, context, handler, at) {
  if (handler)
    throw new CxError(NOT_HANDLER, { at, hint: "list the handler tasks one by one" });
  const moduleKey = Object.keys(node).find((key) => findModule(key) || ACTION_KEYWORDS.includes(key) && key !== "block");
  if (moduleKey)
    throw new CxError(`a block holds tasks; it cannot also call '${moduleKey}'`, { at: keyPositionOf(node, moduleKey, at), hint: "move it into a task inside block:" });
  checkKnownKeywords(node, BLOCK_KEYWORDS, "block", at);
  checkKeywordTypes(node, BLOCK_KEYWORDS, "block", at);
  return {
    kind: "block",
    ...inheritableFrom(node, at),
    name: node.name ?? void 0,
    block: parseTaskList(node.block, context),
    rescue: parseTaskList(node.rescue, context),
    always: parseTaskList(node.always, context)
  };
}
function parseMeta(node, at) {
  const action = String(node.meta);
  if (!META_ACTIONS.has(action)) {
    throw new CxError(`unknown meta action '${action}'${didYouMean(action, META_ACTIONS)}`, { at: keyPositionOf(node, "meta", at), hint: `supported: ${[...META_ACTIONS].join(", ")}` });
  }
  return { kind: "meta", ...inheritableFrom(node, at), name: node.name ?? void 0, action };
}

// dist/engine/load/role.js
var ROLE_DIRS = ["tasks", "handlers", "defaults", "vars", "meta"];
var ROLE_ENTRY_KEYWORDS = { ...INHERITABLE_KEYWORDS, name: { description: "a role name", type: "string" }, role: { description: "a role name", type: "string" } };
var instances = runCache();
function roleSearchPath(baseDir) {
  const fromEnv = [process.env.CXPLAY_ROLES_PATH, process.env.ANSIBLE_ROLES_PATH].flatMap((value2) => value2 ? value2.split(":").filter(Boolean) : []);
  return [.../* @__PURE__ */ new Set([join5(baseDir, "roles"), join5(dirname5(baseDir), "roles"), ...fromEnv.map((dir) => resolve5(baseDir, dir)), baseDir])];
}
function findRoleDir(name, baseDir, at) {
  if (name.includes("/")) {
    const path = resolve5(baseDir, name);
    if (isRoleDir(path))
      return path;
    throw new CxError(`role '${name}' not found: ${path} is not a role directory`, { at, hint: `a role directory holds one of ${ROLE_DIRS.join("/, ")}/` });
  }
  const searched = roleSearchPath(baseDir);
  for (const dir of searched)
    if (isRoleDir(join5(dir, name)))
      return join5(dir, name);
  const known = searched.flatMap((dir) => rolesIn(dir));
  throw new CxError(`role '${name}' not found in ${searched.join(", ")}${didYouMean(name, known)}`, {
    at,
    hint: "put it in roles/ beside the playbook, or add its parent directory to CXPLAY_ROLES_PATH"
  });
}
function isRoleDir(path) {
  return ROLE_DIRS.some((kind) => isDirectory(join5(path, kind)));
}
function isDirectory(path) {
  return existsSync5(path) && statSync5(path).isDirectory();
}
function rolesIn(dir) {
  if (!isDirectory(dir))
    return [];
  return readdirSync2(dir).filter((entry) => isRoleDir(join5(dir, entry)));
}
function loadRole(name, options) {
  const dir = findRoleDir(name, options.baseDir, options.at);
  const stack = options.stack ?? [];
  if (stack.includes(dir)) {
    const chain = [...stack.slice(stack.indexOf(dir)), dir].map((path) => basename5(path));
    throw new CxError(`role dependency cycle: ${chain.join(" -> ")}`, { at: options.at, hint: "a role must not depend on itself, directly or through other roles" });
  }
  const params = options.params ?? {};
  const key = JSON.stringify([dir, options.from ?? {}, params]);
  let instance = instances.get(key);
  if (!instance) {
    instance = readRole(basename5(name), dir, { ...options, params, stack });
    instances.set(key, instance);
  }
  return instance;
}
function readRole(name, dir, options) {
  const from = options.from ?? {};
  const entry = (kind) => roleFile(name, dir, kind, from[kind], options.at);
  const metaFile = roleFile(name, dir, "meta", void 0, options.at);
  const meta = readMeta(metaFile);
  const role = {
    name,
    dir,
    defaults: optionalVars(entry("defaults")),
    vars: optionalVars(entry("vars")),
    tasks: [],
    handlers: [],
    argumentSpec: roleArgumentSpec(dir, name, from.tasks ?? "main", meta),
    dependencies: metaFile ? dependencies(meta, metaFile) : [],
    allowDuplicates: isTrue(meta.allow_duplicates)
  };
  const instance = { role, params: options.params };
  const importedHandlers = [];
  const context = (file) => ({
    file,
    dir: dirname5(file),
    roleDir: dir,
    playDir: options.baseDir,
    fileStack: [file],
    roleStack: [...options.stack, dir],
    handlers: importedHandlers,
    role: instance
  });
  const tasksFile = entry("tasks");
  const handlersFile = entry("handlers");
  role.tasks = tasksFile ? parseTaskList(loadYamlFile(tasksFile), context(tasksFile)) : [];
  role.handlers = [...handlersFile ? parseHandlers(loadYamlFile(handlersFile), context(handlersFile)) : [], ...importedHandlers];
  return instance;
}
function roleFile(role, dir, kind, entryPoint, at) {
  const base = entryPoint ?? "main";
  const candidates = [".yaml", ".yml", ".json", ""].map((extension) => join5(dir, kind, `${base}${extension}`));
  const found = candidates.find((path) => existsSync5(path) && statSync5(path).isFile());
  if (!found && entryPoint !== void 0) {
    throw new CxError(`role '${role}' has no ${kind} file '${entryPoint}'`, { at, hint: `looked for ${candidates.map((path) => basename5(path)).join(", ")} in ${join5(dir, kind)}` });
  }
  return found;
}
function optionalVars(file) {
  return file ? loadVarsFile(file) : {};
}
function readMeta(file) {
  if (!file)
    return {};
  const value2 = loadYamlFile(file);
  if (value2 === null || value2 === void 0)
    return {};
  if (typeof value2 !== "object" || Array.isArray(value2))
    throw new CxError("meta/main.yaml must be a mapping (dependencies:, galaxy_info:, ...)", { at: positionOf(value2, { file, line: 1 }) });
  return value2;
}
function dependencies(meta, file) {
  const list2 = meta.dependencies;
  if (list2 === void 0 || list2 === null)
    return [];
  const at = keyPositionOf(meta, "dependencies", { file, line: 1 });
  if (!Array.isArray(list2))
    throw new CxError("dependencies must be a list of roles", { at, hint: 'write "- role: name" lines' });
  return list2.map((item, index) => {
    const entry = parseRoleEntry(item, keyPositionOf(list2, String(index), at));
    return { ...inheritableFrom(entry.keywords, entry.at), name: entry.name, params: entry.params };
  });
}
function parseRoleEntry(entry, at) {
  if (typeof entry === "string" && entry.trim() !== "")
    return { name: entry.trim(), params: {}, keywords: {}, at };
  if (!entry || typeof entry !== "object" || Array.isArray(entry))
    throw new CxError("a role entry must be a role name or a mapping with role:", { at });
  const node = entry;
  const name = node.role ?? node.name;
  if (typeof name !== "string" || name.trim() === "")
    throw new CxError("a role entry needs 'role: <name>'", { at, hint: 'write "- role: my-role" and its parameters below' });
  checkKeywordTypes(node, ROLE_ENTRY_KEYWORDS, "role", at);
  const keywords = {};
  const params = {};
  for (const [key, value2] of Object.entries(node)) {
    if (key === "role" || key === "name" && node.role === void 0)
      continue;
    if (key === "vars")
      Object.assign(params, value2 ?? {});
    else if (key in INHERITABLE_KEYWORDS && key !== "name")
      keywords[key] = value2;
    else
      params[key] = value2;
  }
  return { name: name.trim(), params, keywords, at };
}

// dist/engine/load/playbook.js
var IMPORT_KEYS = ["import_playbook", "ansible.builtin.import_playbook"];
var IMPORT_ENTRY_KEYS = [...IMPORT_KEYS, "name", "vars", "tags", "when"];
function loadPlaybook(file, stack = []) {
  const path = resolve6(file);
  const value2 = loadYamlFile(path);
  const at = positionOf(value2, { file: path, line: 1 });
  if (!Array.isArray(value2) || value2.length === 0) {
    throw new CxError(value2 == null || Array.isArray(value2) ? "the playbook has no plays" : "a playbook must be a YAML list of plays", { at, hint: 'start each play with "- name: ..." and "hosts: ..."' });
  }
  const plays = [];
  for (const [index, entry] of value2.entries()) {
    const entryAt = keyPositionOf(value2, String(index), at);
    if (!entry || typeof entry !== "object" || Array.isArray(entry))
      throw new CxError("each play must be a mapping (hosts:, tasks:, ...)", { at: entryAt });
    const node = entry;
    const importKey = IMPORT_KEYS.find((key) => key in node);
    if (importKey)
      plays.push(...importPlaybook(node, importKey, path, stack, entryAt));
    else
      plays.push(parsePlay(node, path, entryAt));
  }
  return { file: path, dir: dirname6(path), plays };
}
function importPlaybook(node, key, file, stack, at) {
  checkKnownKeywords(node, PLAY_KEYWORDS, "import_playbook", at, IMPORT_ENTRY_KEYS);
  const keyAt = keyPositionOf(node, key, at);
  const target = node[key];
  if (typeof target !== "string" || target.trim() === "")
    throw new CxError("import_playbook needs a file name", { at: keyAt });
  if (isTemplated(target))
    throw new CxError("import_playbook needs a fixed file name, not a template", { at: keyAt });
  const path = resolve6(dirname6(file), target);
  if (!existsSync6(path))
    throw new CxError(`playbook '${target}' not found`, { at: keyAt, hint: `looked for ${path}` });
  if (path === file || stack.includes(path))
    throw new CxError(`import_playbook cycle: ${[...stack, file, path].join(" -> ")}`, { at: keyAt });
  const outer = inheritableFrom(node, at);
  return loadPlaybook(path, [...stack, file]).plays.map((play) => ({
    ...play,
    when: [...outer.when, ...play.when],
    tags: [...outer.tags, ...play.tags],
    vars: { ...outer.vars, ...play.vars }
  }));
}
function rolePlaybook(role, hosts, cwd) {
  const file = resolve6(cwd, `<role ${role}>`);
  const play = { name: `Apply role ${role}`, hosts, roles: [role] };
  return { file, dir: cwd, plays: [parsePlay(play, file, { file, line: 1 }, cwd)] };
}
function parsePlay(node, file, at, baseDir = dirname6(file)) {
  checkKnownKeywords(node, PLAY_KEYWORDS, "play", at);
  checkKeywordTypes(node, PLAY_KEYWORDS, "play", at);
  if (node.hosts == null)
    throw new CxError("the play has no 'hosts'", { at, hint: "add hosts: all (or a group name)" });
  const importedHandlers = [];
  const context = { file, dir: dirname6(file), playDir: baseDir, fileStack: [file], roleStack: [], handlers: importedHandlers };
  const roleHandlers = [];
  const roles = expandRoles(node.roles, baseDir, at, roleHandlers);
  const preTasks = parseTaskList(node.pre_tasks, context);
  const tasks = parseTaskList(node.tasks, context);
  const postTasks = parseTaskList(node.post_tasks, context);
  const playHandlers = parseHandlers(node.handlers, context);
  const hosts = Array.isArray(node.hosts) ? node.hosts.join(",") : String(node.hosts);
  return {
    ...inheritableFrom(node, at),
    name: node.name ?? hosts,
    hosts,
    varsFiles: node.vars_files == null ? [] : [node.vars_files].flat().map(String),
    gatherFacts: playBoolean(node, "gather_facts", true, at),
    serial: node.serial == null ? [] : [node.serial].flat(),
    strategy: node.strategy ?? "linear",
    maxFailPercentage: playNumber(node, "max_fail_percentage", at),
    preTasks,
    roles,
    tasks,
    postTasks,
    // Ansible's order: roles' handlers (roles:, then import_role), then the play's own.
    handlers: unique2([...roleHandlers, ...importedHandlers, ...playHandlers]),
    baseDir
  };
}
function playBoolean(node, key, fallback, at) {
  const value2 = node[key];
  if (value2 == null)
    return fallback;
  if (typeof value2 === "string" && isTemplated(value2))
    throw new CxError(`play keyword '${key}' must be true or false here, not a template`, { at: keyPositionOf(node, key, at) });
  return isTrue(value2);
}
function playNumber(node, key, at) {
  const value2 = node[key];
  if (value2 == null)
    return void 0;
  const number2 = Number(value2);
  if (Number.isNaN(number2))
    throw new CxError(`play keyword '${key}' must be a number here, not a template`, { at: keyPositionOf(node, key, at) });
  return number2;
}
function expandRoles(value2, baseDir, at, handlers) {
  if (value2 == null)
    return [];
  const expander = new RoleExpander(baseDir);
  for (const [index, item] of value2.entries()) {
    const entry = parseRoleEntry(item, keyPositionOf(value2, String(index), at));
    expander.add(entry.name, entry.params, inheritableFrom(entry.keywords, entry.at));
  }
  handlers.push(...expander.handlers);
  return expander.blocks;
}
function unique2(items) {
  return [...new Set(items)];
}

// dist/engine/report/view.js
var KINDS = ["tui", "plain", "json"];
function inCi() {
  return ["CI", "CONTINUOUS_INTEGRATION"].some((key) => key in process.env && process.env[key] !== "0" && process.env[key] !== "false");
}
function chooseViewKind(requested, isTTY) {
  if (requested === void 0)
    return isTTY && !inCi() ? "tui" : "plain";
  if (KINDS.includes(requested))
    return requested;
  throw new CxError(`unknown output '${requested}'`, { exitCode: ExitCode.badOptions, hint: `use --output ${KINDS.join(", ")}` });
}
async function createView(kind, options) {
  switch (kind) {
    case "json": {
      const { JsonView } = await import("./json-view-S6UWDXAM.js");
      return new JsonView(options);
    }
    case "tui": {
      const { createTuiView } = await import("./tui-view-2Q7IGX64.js");
      return createTuiView(options);
    }
    default: {
      const { PlainView } = await import("./plain-view-NIX52WNN.js");
      return new PlainView(options);
    }
  }
}

// dist/engine/run/run-playbook.js
import { randomBytes as randomBytes6 } from "node:crypto";
import { renameSync as renameSync2, rmSync as rmSync2, writeFileSync as writeFileSync2 } from "node:fs";

// dist/engine/load/host-pattern.js
import { readFileSync as readFileSync4 } from "node:fs";
var groupCache = /* @__PURE__ */ new WeakMap();
var SUBSCRIPT = /^(.+)\[(?:(-?\d+)|(\d+)[:-](\d+)?)\]$/;
function selectHosts(inventory, pattern) {
  const terms = splitPattern(pattern);
  if (terms.length === 0)
    throw new CxError(`empty host pattern '${pattern}'`, { hint: "use all, a group or host name, a:b, a:!b or a:&b" });
  const unions = terms.filter((term) => !term.startsWith("!") && !term.startsWith("&"));
  let selected = new Set(unions.length > 0 ? unions.flatMap((term) => match(inventory, term)) : inventory.hosts.keys());
  for (const term of terms.filter((item) => item.startsWith("&"))) {
    const kept = new Set(match(inventory, term.slice(1)));
    selected = new Set([...selected].filter((host) => kept.has(host)));
  }
  for (const term of terms.filter((item) => item.startsWith("!"))) {
    const excluded = new Set(match(inventory, term.slice(1)));
    selected = new Set([...selected].filter((host) => !excluded.has(host)));
  }
  return [...inventory.hosts.keys()].filter((host) => selected.has(host));
}
function splitPattern(pattern) {
  if (pattern.includes(","))
    return pattern.split(",").map((term) => term.trim()).filter(Boolean);
  return pattern.match(/(?:[^\s:[\]]|\[[^\]]*\])+/g) ?? [];
}
function match(inventory, term) {
  const groups = groupsFor(inventory);
  if (term === "all" || term === "*")
    return [...inventory.hosts.keys()];
  if (term.startsWith("@"))
    return readHostFile(inventory, term.slice(1));
  if (Object.prototype.hasOwnProperty.call(groups, term))
    return groups[term];
  if (inventory.hosts.has(term))
    return [term];
  if (term.startsWith("~"))
    return matchRegex(inventory, groups, term);
  const subscript = SUBSCRIPT.exec(term);
  if (subscript)
    return applySubscript(match(inventory, subscript[1]), subscript);
  if (/[*?[]/.test(term))
    return matchWildcard(inventory, groups, term);
  throw new CxError(`no host or group '${term}' in the inventory${didYouMean(term, [...inventory.hosts.keys(), ...Object.keys(groups)])}`, {
    hint: `groups: ${Object.keys(groups).join(", ")}`
  });
}
function matchRegex(inventory, groups, term) {
  let regex;
  try {
    regex = new RegExp(term.slice(1));
  } catch (error) {
    throw new CxError(`invalid regular expression in host pattern '${term}': ${error.message}`, { hint: "after ~ comes a regular expression, e.g. ~web\\d+" });
  }
  return namesMatching(inventory, groups, (name) => regex.test(name));
}
function matchWildcard(inventory, groups, term) {
  const source = term.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  let regex;
  try {
    regex = new RegExp(`^${source}$`);
  } catch {
    throw new CxError(`invalid wildcard in host pattern '${term}'`, { hint: "use * and ?, e.g. web*" });
  }
  return namesMatching(inventory, groups, (name) => regex.test(name));
}
function namesMatching(inventory, groups, test) {
  const hosts = [...inventory.hosts.keys()].filter(test);
  for (const [group, members] of Object.entries(groups))
    if (test(group))
      hosts.push(...members);
  return hosts;
}
function applySubscript(hosts, subscript) {
  if (subscript[2] !== void 0) {
    const index = Number(subscript[2]);
    const host = hosts.at(index);
    return host === void 0 ? [] : [host];
  }
  const start = Number(subscript[3]);
  const end = subscript[4] === void 0 ? hosts.length - 1 : Number(subscript[4]);
  return hosts.slice(start, end + 1);
}
function readHostFile(inventory, file) {
  let text2;
  try {
    text2 = readFileSync4(file, "utf8");
  } catch {
    throw new CxError(`cannot read the host list ${file}`, { exitCode: ExitCode.badOptions, hint: "give @ a file with one host name per line (e.g. a retry file)" });
  }
  const names = text2.split("\n").map((line) => line.trim()).filter((line) => line && !line.startsWith("#"));
  return names.flatMap((name) => {
    if (name.startsWith("@"))
      throw new CxError(`${file}: a host list cannot name another list (${name})`, { exitCode: ExitCode.badOptions });
    try {
      return match(inventory, name);
    } catch (error) {
      if (error instanceof CxError)
        throw new CxError(`${file}: ${error.message}`, { exitCode: ExitCode.badOptions, hint: error.hint });
      throw error;
    }
  });
}
function groupsFor(inventory) {
  let groups = groupCache.get(inventory);
  if (!groups) {
    groups = groupsMap(inventory);
    groupCache.set(inventory, groups);
  }
  return groups;
}

// dist/engine/template/scope.js
function scopeFromObject(values) {
  return {
    has: (name) => Object.prototype.hasOwnProperty.call(values, name),
    get: (name) => values[name]
  };
}

// dist/engine/vars/layered-scope.js
var LayeredScope = class _LayeredScope {
  layers;
  rendered = /* @__PURE__ */ new Map();
  resolving = /* @__PURE__ */ new Set();
  /** @param layers highest precedence first */
  constructor(layers) {
    this.layers = layers;
  }
  /** A scope with extra layers on top (loop item, registered result for until/changed_when). */
  withTop(...layers) {
    return new _LayeredScope([...layers, ...this.layers]);
  }
  has(name) {
    return this.find(name) !== void 0;
  }
  get(name) {
    if (this.rendered.has(name))
      return this.rendered.get(name);
    const layer2 = this.find(name);
    if (!layer2)
      return void 0;
    const raw = layer2.values[name];
    if (!layer2.templated)
      return raw;
    if (this.resolving.has(name)) {
      throw new TemplateError(`recursive loop detected in template: '${name}' refers to itself`, {
        hint: `check the definition of '${name}' in ${layer2.source}`
      });
    }
    this.resolving.add(name);
    try {
      const value2 = renderDeep(raw, this);
      this.rendered.set(name, value2);
      return value2;
    } finally {
      this.resolving.delete(name);
    }
  }
  /** Every defined name (for `vars`-style dumps and hostvars), highest layer first. */
  names() {
    const seen = /* @__PURE__ */ new Set();
    for (const layer2 of this.layers)
      for (const name of Object.keys(layer2.values))
        seen.add(name);
    return [...seen];
  }
  find(name) {
    for (const layer2 of this.layers) {
      if (Object.prototype.hasOwnProperty.call(layer2.values, name))
        return layer2;
    }
    return void 0;
  }
};
function layer(source, values, templated2 = true) {
  return { source, values, templated: templated2 };
}

// dist/engine/run/frame.js
function playFrame(play) {
  return {
    play,
    when: play.when,
    tags: play.tags,
    blockVars: [],
    become: play.become,
    becomeUser: play.becomeUser,
    environment: play.environment,
    ignoreErrors: play.ignoreErrors,
    noLog: play.noLog,
    runOnce: play.runOnce,
    delegateTo: void 0,
    checkMode: play.checkMode,
    diff: play.diff,
    timeout: play.timeout,
    anyErrorsFatal: play.anyErrorsFatal ?? false,
    role: void 0,
    rescuable: false,
    isHandler: false,
    includeStack: [],
    includeParams: []
  };
}
function enterNode(frame, node) {
  const vars = Object.keys(node.vars).length > 0 ? [layer(describe3(node.at, "vars"), node.vars), ...frame.blockVars] : frame.blockVars;
  return {
    ...frame,
    when: node.when.length > 0 ? [...frame.when, ...node.when] : frame.when,
    tags: node.tags.length > 0 ? [...frame.tags, ...node.tags] : frame.tags,
    blockVars: vars,
    become: node.become ?? frame.become,
    becomeUser: node.becomeUser ?? frame.becomeUser,
    environment: node.environment ?? frame.environment,
    ignoreErrors: node.ignoreErrors ?? frame.ignoreErrors,
    noLog: node.noLog ?? frame.noLog,
    runOnce: node.runOnce ?? frame.runOnce,
    delegateTo: node.delegateTo ?? frame.delegateTo,
    checkMode: node.checkMode ?? frame.checkMode,
    diff: node.diff ?? frame.diff,
    timeout: node.timeout ?? frame.timeout,
    anyErrorsFatal: node.anyErrorsFatal ?? frame.anyErrorsFatal,
    role: node.role ?? frame.role
  };
}
function describe3(at, what) {
  return at.line === void 0 ? `${what} of ${at.file}` : `${what} at ${at.file}:${at.line}`;
}

// dist/engine/run/handlers.js
function handlersNotifiedBy(name, handlers) {
  const reached = [];
  const named = [...handlers].reverse().find((entry) => namesOf(entry).includes(name));
  if (named)
    reached.push(named);
  for (const entry of handlers)
    if (entry !== named && entry.task.listen.includes(name))
      reached.push(entry);
  return reached;
}
async function runHandlers(runner, hosts, frame) {
  const play = runner.play;
  const pending = () => hosts.filter((name) => runner.state(name).notified.size > 0);
  if (pending().length === 0)
    return;
  play.run.emit({ kind: "handlers_start", hosts: pending(), time: Date.now() });
  for (const entry of play.handlers) {
    if (play.run.interrupted)
      return;
    const notified = hosts.filter((name) => {
      const host = runner.state(name);
      return host.active && host.notified.has(entry);
    });
    if (notified.length === 0)
      continue;
    for (const name of notified)
      runner.state(name).notified.delete(entry);
    await runner.runTask(entry.task, notified, { ...frame, role: entry.role ?? frame.role, isHandler: true, rescuable: false });
  }
  for (const name of hosts)
    runner.state(name).notified.clear();
}
function namesOf(entry) {
  const name = entry.task.name;
  if (!name)
    return [];
  const role = entry.role ?? entry.task.role;
  return role ? [name, `${role.role.name} : ${name}`] : [name];
}

// dist/engine/run/play-runtime.js
import { isAbsolute as isAbsolute2, resolve as resolve7 } from "node:path";

// dist/engine/vars/facts-layer.js
function factsLayerValues(facts) {
  if (!facts)
    return {};
  const values = { ansible_facts: stripPrefix(facts) };
  for (const [key, value2] of Object.entries(facts)) {
    values[key.startsWith("ansible_") ? key : `ansible_${key}`] = value2;
  }
  return values;
}
function stripPrefix(facts) {
  const out = {};
  for (const [key, value2] of Object.entries(facts))
    out[key.replace(/^ansible_/, "")] = value2;
  return out;
}

// dist/engine/vars/magic.js
import { randomBytes as randomBytes4 } from "node:crypto";
var OMIT_TOKEN = `__omit_place_holder__${randomBytes4(20).toString("hex")}`;
function stripOmitted(value2) {
  if (Array.isArray(value2))
    return value2.filter((item) => item !== OMIT_TOKEN).map(stripOmitted);
  if (value2 && typeof value2 === "object") {
    const out = {};
    for (const [key, item] of Object.entries(value2)) {
      assertSafeName(key);
      if (item !== OMIT_TOKEN)
        out[key] = stripOmitted(item);
    }
    return out;
  }
  return value2;
}
function lazyObject(names, read) {
  const target = {};
  for (const name of names) {
    Object.defineProperty(target, name, { enumerable: true, configurable: false, get: () => read(name) });
  }
  return target;
}

// dist/engine/run/play-runtime.js
var PlayRuntime = class {
  run;
  play;
  hosts;
  /** Hosts of the current serial batch. */
  batch = [];
  /** Handlers of the play plus those added by include_role, in the order they were loaded. */
  handlers;
  varsFilesByHost = /* @__PURE__ */ new Map();
  magicByHost = /* @__PURE__ */ new Map();
  hostvars;
  extraVars;
  playVars;
  constructor(run, play, hosts) {
    this.run = run;
    this.play = play;
    this.hosts = hosts;
    this.handlers = play.handlers.map((task) => ({ task, role: task.role }));
    this.extraVars = layer("extra vars (-e)", run.options.extraVars);
    this.playVars = layer(`play vars of '${play.name}'`, play.vars);
    const allHosts = [.../* @__PURE__ */ new Set([...run.options.inventory.hosts.keys(), ...hosts])];
    this.hostvars = lazyObject(allHosts, (name) => this.hostvarsOf(name));
  }
  /** The full scope of `host` for a task in `frame`, highest precedence first. */
  scope(host, frame) {
    const role = frame.role;
    const layers = [this.magic(host), this.extraVars, ...frame.includeParams];
    if (role && Object.keys(role.params).length > 0)
      layers.push(layer(`params of role ${role.role.name}`, role.params));
    layers.push(layer("set_fact/register", host.setFacts, false), ...frame.blockVars);
    if (role)
      layers.push(layer(`${role.role.dir}/vars`, role.role.vars));
    layers.push(...this.varsFiles(host), this.playVars, layer("facts", factsLayerValues(host.facts), false));
    layers.push(layer(`inventory vars of ${host.name}`, host.inventoryVars));
    if (role)
      layers.push(layer(`${role.role.dir}/defaults`, role.role.defaults));
    return new LayeredScope(layers);
  }
  /** The play-level scope of a host (what `hostvars[host]` shows). */
  playScope(host) {
    return new LayeredScope([
      this.magic(host),
      this.extraVars,
      layer("set_fact/register", host.setFacts, false),
      ...this.varsFiles(host),
      this.playVars,
      layer("facts", factsLayerValues(host.facts), false),
      layer(`inventory vars of ${host.name}`, host.inventoryVars)
    ]);
  }
  /** Load the play's vars_files for a host (paths may be templated per host). */
  loadVarsFiles(host) {
    if (this.varsFilesByHost.has(host.name) || this.play.varsFiles.length === 0)
      return;
    const scope = new LayeredScope([
      this.magic(host),
      this.extraVars,
      this.playVars,
      layer("facts", factsLayerValues(host.facts), false),
      layer(`inventory vars of ${host.name}`, host.inventoryVars)
    ]);
    const layers = this.play.varsFiles.map((file) => {
      let rendered;
      try {
        rendered = String(renderString(file, scope));
      } catch (error) {
        throw error instanceof CxError ? withPosition(error, this.play.at) : error;
      }
      const path = isAbsolute2(rendered) ? rendered : resolve7(this.play.baseDir, rendered);
      return layer(path, loadVarsFile(path));
    }).reverse();
    this.varsFilesByHost.set(host.name, layers);
  }
  varsFiles(host) {
    return this.varsFilesByHost.get(host.name) ?? [];
  }
  magic(host) {
    let magic = this.magicByHost.get(host.name);
    if (!magic) {
      const options = this.run.options;
      magic = layer("magic variables", {
        inventory_hostname: host.name,
        inventory_hostname_short: host.name.split(".")[0],
        group_names: host.groupNames,
        groups: this.run.groups,
        hostvars: this.hostvars,
        ansible_check_mode: options.check,
        ansible_diff_mode: options.diff,
        ansible_play_hosts_all: this.hosts,
        ansible_play_name: this.play.name,
        playbook_dir: options.playbook.dir,
        ansible_run_tags: options.tags.length > 0 ? options.tags : ["all"],
        ansible_skip_tags: options.skipTags,
        ansible_version: { full: "2.14.0", major: 2, minor: 14, revision: 0, string: "2.14.0 (cxplay)" },
        omit: OMIT_TOKEN
      }, false);
      this.magicByHost.set(host.name, magic);
    }
    const active = this.hosts.filter((name) => this.run.host(name).active);
    const batch = this.batch.filter((name) => this.run.host(name).active);
    return layer("magic variables", { ...magic.values, ansible_play_hosts: active, play_hosts: active, ansible_play_batch: batch }, false);
  }
  hostvarsOf(name) {
    const scope = this.playScope(this.run.host(name));
    return lazyObject(scope.names(), (key) => scope.get(key));
  }
};

// dist/engine/run/serial.js
function serialBatches(hosts, serial) {
  if (serial.length === 0 || hosts.length === 0)
    return hosts.length === 0 ? [] : [[...hosts]];
  const batches = [];
  let start = 0;
  let step = 0;
  while (start < hosts.length) {
    const spec = serial[Math.min(step, serial.length - 1)];
    const size = Math.max(1, batchSize(spec, hosts.length));
    batches.push(hosts.slice(start, start + size));
    start += size;
    step += 1;
  }
  return batches;
}
function batchSize(spec, total) {
  if (typeof spec === "number")
    return spec;
  const text2 = spec.trim();
  if (text2.endsWith("%"))
    return Math.floor(total * Number(text2.slice(0, -1)) / 100);
  return Number(text2);
}

// dist/engine/run/task-list-runner.js
import { isAbsolute as isAbsolute4, resolve as resolve9 } from "node:path";

// node_modules/yocto-queue/index.js
var Node = class {
  value;
  next;
  constructor(value2) {
    this.value = value2;
  }
};
var Queue = class {
  #head;
  #tail;
  #size;
  constructor() {
    this.clear();
  }
  enqueue(value2) {
    const node = new Node(value2);
    if (this.#head) {
      this.#tail.next = node;
      this.#tail = node;
    } else {
      this.#head = node;
      this.#tail = node;
    }
    this.#size++;
  }
  dequeue() {
    const current = this.#head;
    if (!current) {
      return;
    }
    this.#head = this.#head.next;
    this.#size--;
    if (!this.#head) {
      this.#tail = void 0;
    }
    return current.value;
  }
  peek() {
    if (!this.#head) {
      return;
    }
    return this.#head.value;
  }
  clear() {
    this.#head = void 0;
    this.#tail = void 0;
    this.#size = 0;
  }
  get size() {
    return this.#size;
  }
  *[Symbol.iterator]() {
    let current = this.#head;
    while (current) {
      yield current.value;
      current = current.next;
    }
  }
  *drain() {
    while (this.#head) {
      yield this.dequeue();
    }
  }
};

// node_modules/p-limit/index.js
function pLimit(concurrency) {
  let rejectOnClear = false;
  if (typeof concurrency === "object") {
    ({ concurrency, rejectOnClear = false } = concurrency);
  }
  validateConcurrency(concurrency);
  if (typeof rejectOnClear !== "boolean") {
    throw new TypeError("Expected `rejectOnClear` to be a boolean");
  }
  const queue = new Queue();
  let activeCount = 0;
  const resumeNext = () => {
    if (activeCount < concurrency && queue.size > 0) {
      activeCount++;
      queue.dequeue().run();
    }
  };
  const next = () => {
    activeCount--;
    resumeNext();
  };
  const run = async (function_, resolve13, arguments_) => {
    const result = (async () => function_(...arguments_))();
    resolve13(result);
    try {
      await result;
    } catch {
    }
    next();
  };
  const enqueue = (function_, resolve13, reject, arguments_) => {
    const queueItem = { reject };
    new Promise((internalResolve) => {
      queueItem.run = internalResolve;
      queue.enqueue(queueItem);
    }).then(run.bind(void 0, function_, resolve13, arguments_));
    if (activeCount < concurrency) {
      resumeNext();
    }
  };
  const generator = (function_, ...arguments_) => new Promise((resolve13, reject) => {
    enqueue(function_, resolve13, reject, arguments_);
  });
  Object.defineProperties(generator, {
    activeCount: {
      get: () => activeCount
    },
    pendingCount: {
      get: () => queue.size
    },
    clearQueue: {
      value() {
        if (!rejectOnClear) {
          queue.clear();
          return;
        }
        const abortError = AbortSignal.abort().reason;
        while (queue.size > 0) {
          queue.dequeue().reject(abortError);
        }
      }
    },
    concurrency: {
      get: () => concurrency,
      set(newConcurrency) {
        validateConcurrency(newConcurrency);
        concurrency = newConcurrency;
        queueMicrotask(() => {
          while (activeCount < concurrency && queue.size > 0) {
            resumeNext();
          }
        });
      }
    },
    map: {
      async value(iterable, function_) {
        const promises = [];
        try {
          Array.from(iterable, (value2, index) => {
            const promise = generator(function_, value2, index);
            promises.push(promise);
            return promise;
          });
        } catch (error) {
          for (const promise of promises) {
            promise.catch(() => {
            });
          }
          throw error;
        }
        return Promise.all(promises);
      }
    }
  });
  return generator;
}
function validateConcurrency(concurrency) {
  if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
    throw new TypeError("Expected `concurrency` to be a number from 1 and up");
  }
}

// dist/engine/run/keywords.js
var TRUE_WORDS3 = /* @__PURE__ */ new Set(["yes", "on", "true", "1", "y", "t"]);
function truthy2(value2) {
  if (typeof value2 === "string")
    return TRUE_WORDS3.has(value2.trim().toLowerCase());
  if (typeof value2 === "number")
    return value2 !== 0;
  return value2 === true;
}
function flag(value2, scope, fallback = false) {
  if (value2 === void 0)
    return fallback;
  if (typeof value2 === "boolean")
    return value2;
  return truthy2(renderString(value2, scope));
}
function numberKeyword(value2, scope) {
  if (value2 === void 0)
    return void 0;
  if (typeof value2 === "number")
    return value2;
  const rendered = Number(renderString(value2, scope));
  return Number.isFinite(rendered) ? rendered : void 0;
}
function stringKeyword(value2, scope) {
  return value2 === void 0 ? void 0 : String(renderString(value2, scope));
}

// dist/engine/run/results.js
function statusOf(result) {
  if (result.failed === true)
    return "failed";
  if (result.skipped === true)
    return "skipped";
  return result.changed === true ? "changed" : "ok";
}
function aggregateLoop(results) {
  const aggregate = {
    changed: results.some((item) => item.changed === true),
    results: [...results],
    msg: "All items completed"
  };
  if (results.some((item) => item.failed === true)) {
    aggregate.failed = true;
    aggregate.msg = "One or more items failed";
  } else if (results.length === 0 || results.every((item) => item.skipped === true)) {
    aggregate.skipped = true;
    aggregate.msg = results.length === 0 ? "No items in the list" : "All items skipped";
  }
  return aggregate;
}
function count(counts, input) {
  switch (input.status) {
    case "unreachable":
      counts.unreachable += 1;
      return;
    case "skipped":
      counts.skipped += 1;
      return;
    case "failed":
      if (input.ignored) {
        counts.ok += 1;
        counts.ignored += 1;
        if (input.changed)
          counts.changed += 1;
      } else if (input.rescued) {
        counts.rescued += 1;
      } else {
        counts.failed += 1;
      }
      return;
    case "ok":
    case "changed":
      counts.ok += 1;
      if (input.changed)
        counts.changed += 1;
  }
}

// dist/engine/run/tags.js
function selectedByTags(taskTags, only, skip) {
  const tags = new Set(taskTags);
  if (matches(tags, skip))
    return false;
  if (tags.has("always"))
    return true;
  const wanted = only.length === 0 ? ["all"] : only;
  if (wanted.includes("all") && !tags.has("never"))
    return true;
  return matches(tags, wanted);
}
function matches(tags, selectors) {
  return selectors.some((selector) => {
    if (selector === "tagged")
      return tags.size > 0;
    if (selector === "untagged")
      return tags.size === 0;
    return tags.has(selector);
  });
}

// dist/engine/run/task-executor.js
import { dirname as dirname7 } from "node:path";
import { setTimeout as sleep2 } from "node:timers/promises";

// dist/engine/connection/connection.js
var UnreachableError = class extends Error {
  host;
  constructor(host, message, options) {
    super(message, options);
    this.host = host;
    this.name = "UnreachableError";
  }
};
var ExecTimeoutError = class extends Error {
  timeoutMs;
  constructor(timeoutMs) {
    super(`the remote command did not finish within ${Math.round(timeoutMs / 1e3)} s and was ended`);
    this.timeoutMs = timeoutMs;
    this.name = "ExecTimeoutError";
  }
};
var ExecAbortedError = class extends Error {
  constructor(message = "interrupted: the remote command was ended") {
    super(message);
    this.name = "ExecAbortedError";
  }
};

// dist/engine/connection/spec.js
import { homedir, userInfo } from "node:os";
import { resolve as resolve8 } from "node:path";
function connectionSpecFromVars(host, vars, defaults) {
  const sshArgs = `${String(vars.ansible_ssh_common_args ?? "")} ${String(vars.ansible_ssh_extra_args ?? "")}`;
  const options = sshOptions(sshArgs);
  const explicitType = vars.ansible_connection === void 0 ? void 0 : String(vars.ansible_connection);
  const implicitLocal = explicitType === void 0 && host === "localhost" && vars.ansible_host === void 0;
  const strict = (options.stricthostkeychecking ?? "").toLowerCase();
  const envChecking = (process.env.ANSIBLE_HOST_KEY_CHECKING ?? "").toLowerCase();
  const acceptNew = defaults.acceptNewHostKeys || strict === "no" || strict === "accept-new" || ["false", "0", "no"].includes(envChecking);
  const timeoutSeconds = vars.ansible_timeout === void 0 ? void 0 : Number(vars.ansible_timeout);
  return {
    host,
    type: explicitType === "local" || implicitLocal ? "local" : "ssh",
    address: String(vars.ansible_host ?? host),
    port: Number(vars.ansible_port ?? 22),
    user: String(vars.ansible_user ?? userInfo().username),
    privateKeyFile: expandHome(vars.ansible_ssh_private_key_file ?? vars.ansible_private_key_file),
    password: vars.ansible_password ?? vars.ansible_ssh_pass,
    knownHostsFile: expandHome(options.userknownhostsfile) ?? defaults.knownHostsFile,
    acceptNewHostKeys: acceptNew,
    connectTimeoutMs: timeoutSeconds !== void 0 && Number.isFinite(timeoutSeconds) ? timeoutSeconds * 1e3 : defaults.connectTimeoutMs ?? 1e4,
    keepaliveIntervalMs: 5e3,
    keepaliveCountMax: 3
  };
}
function sshOptions(text2) {
  const out = {};
  for (const match2 of text2.matchAll(/-o\s*["']?([A-Za-z]+)[= ]([^\s"']+)["']?/g))
    out[match2[1].toLowerCase()] = match2[2];
  return out;
}
function expandHome(value2) {
  if (value2 === void 0 || value2 === null || value2 === "")
    return void 0;
  const text2 = String(value2);
  return text2.startsWith("~/") ? resolve8(homedir(), text2.slice(2)) : resolve8(text2);
}

// dist/engine/run/connections.js
var CONNECTION_VARS = [
  "ansible_connection",
  "ansible_host",
  "ansible_port",
  "ansible_user",
  "ansible_ssh_private_key_file",
  "ansible_private_key_file",
  "ansible_password",
  "ansible_ssh_pass",
  "ansible_timeout",
  "ansible_ssh_common_args",
  "ansible_ssh_extra_args",
  "ansible_ssh_host_key_checking",
  "ansible_host_key_checking"
];
function connectionFor(play, name) {
  const run = play.run;
  return run.profiler.time("connect", () => {
    const scope = play.playScope(run.host(name));
    const vars = {};
    for (const key of CONNECTION_VARS)
      if (scope.has(key))
        vars[key] = scope.get(key);
    const spec = connectionSpecFromVars(name, vars, run.options.connection);
    if (spec.password !== void 0)
      run.secrets.add(String(spec.password));
    return run.pool.get(name, spec, run.options.signal);
  });
}

// dist/engine/run/module-context.js
import { existsSync as existsSync7 } from "node:fs";
import { isAbsolute as isAbsolute3, join as join6 } from "node:path";
function buildModuleContext(input) {
  const { run, frame } = input;
  const prelude = environmentPrelude(input.environment);
  let connection;
  return {
    host: input.host,
    args: input.args,
    check: input.check,
    diff: input.diff,
    become: input.become,
    environment: input.environment,
    signal: run.options.signal,
    verbosity: run.options.verbosity,
    exec: async (script) => {
      const conn = await (connection ??= input.connect());
      run.profiler.addExec(input.taskName);
      return run.profiler.time("exec", () => conn.exec(prelude + script, { become: input.become, timeoutMs: input.timeoutMs, signal: run.options.signal }));
    },
    resolveSource: (src, kind) => resolveSource(src, kind, frame, input.taskDir),
    renderTemplateFile: async (path) => {
      const template = await run.templates.get(path);
      return run.profiler.time("render", async () => template.render(input.scope));
    },
    evaluate: (expression) => evaluateExpression(expression, input.scope),
    warn: input.onWarning
  };
}
function environmentPrelude(environment) {
  const lines = Object.entries(environment).map(([name, value2]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new CxError(`environment variable name '${name}' is not valid`, { hint: "use letters, digits and _" });
    }
    return `export ${name}=${quote(value2)}
`;
  });
  return lines.join("");
}
function resolveSource(src, kind, frame, taskDir) {
  if (isAbsolute3(src)) {
    if (existsSync7(src))
      return src;
    throw new CxError(`could not find '${src}'`, { hint: "check the path of src" });
  }
  const roleDir = frame.role?.role.dir;
  const candidates = [
    ...roleDir ? [join6(roleDir, kind, src), join6(roleDir, src)] : [],
    join6(taskDir, kind, src),
    join6(taskDir, src),
    join6(frame.play.baseDir, kind, src),
    join6(frame.play.baseDir, src)
  ];
  const found = candidates.find((path) => existsSync7(path));
  if (found)
    return found;
  throw new CxError(`could not find '${src}'`, { hint: `looked in: ${[...new Set(candidates)].join(", ")}` });
}

// dist/engine/run/secrets.js
var NO_LOG_MESSAGE = "the output has been hidden due to the fact that 'no_log: true' was specified for this result";
var MASK = "********";
var MIN_SECRET_LENGTH = 6;
var NOT_SECRET_KEYS = /* @__PURE__ */ new Set(["start", "end", "delta", "changed", "failed", "rc", "skipped", "encoding", "attempts"]);
var SecretRegistry = class {
  secrets = /* @__PURE__ */ new Set();
  pattern;
  /** Remember a single secret value (e.g. a variable the operator declared secret). */
  add(secret) {
    const trimmed = secret.trim();
    for (const value2 of /* @__PURE__ */ new Set([secret, trimmed])) {
      if (value2.length >= MIN_SECRET_LENGTH && !this.secrets.has(value2)) {
        this.secrets.add(value2);
        this.pattern = void 0;
      }
    }
  }
  /** Remember every string inside a no_log result. */
  addFromResult(value2, key = "") {
    if (NOT_SECRET_KEYS.has(key))
      return;
    if (typeof value2 === "string") {
      this.add(value2);
      for (const line of value2.split("\n"))
        this.add(line);
      if (key === "content")
        this.add(Buffer.from(value2, "base64").toString("utf8"));
    } else if (Array.isArray(value2)) {
      for (const item of value2)
        this.addFromResult(item, key);
    } else if (value2 && typeof value2 === "object") {
      for (const [childKey, child] of Object.entries(value2))
        this.addFromResult(child, childKey);
    }
  }
  get size() {
    return this.secrets.size;
  }
  maskText(text2) {
    if (this.secrets.size === 0)
      return text2;
    return text2.replace(this.regex(), MASK);
  }
  /** A deep copy of `value` with every known secret masked. */
  mask(value2) {
    if (this.secrets.size === 0)
      return value2;
    return this.maskDeep(value2);
  }
  maskDeep(value2) {
    if (typeof value2 === "string")
      return this.maskText(value2);
    if (Array.isArray(value2))
      return value2.map((item) => this.maskDeep(item));
    if (value2 && typeof value2 === "object") {
      const out = {};
      for (const [key, child] of Object.entries(value2))
        out[key] = this.maskDeep(child);
      return out;
    }
    return value2;
  }
  regex() {
    if (!this.pattern) {
      const sorted = [...this.secrets].sort((a, b) => b.length - a.length);
      this.pattern = new RegExp(sorted.map(escapeRegExp).join("|"), "g");
    }
    this.pattern.lastIndex = 0;
    return this.pattern;
  }
};
function censoredResult(result) {
  const out = { censored: NO_LOG_MESSAGE, changed: result.changed === true };
  if (result.failed === true)
    out.failed = true;
  if (result.skipped === true)
    out.skipped = true;
  return out;
}
function escapeRegExp(text2) {
  return text2.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// dist/engine/run/task-executor.js
async function executeTask(play, task, ref, outer, host) {
  const run = play.run;
  const started = performance.now();
  run.emit({ kind: "host_task_start", host: host.name, task: ref, time: Date.now() });
  const frame = enterNode(outer, task);
  const module = findModule(task.module);
  if (!module)
    throw new CxError(`unknown module '${task.module}'`, { at: task.at });
  const scope = play.scope(host, frame);
  let noLog = false;
  let result;
  let delegatedTo;
  try {
    noLog = flag(frame.noLog, scope);
    const state = { play, task, ref, frame, host, module, noLog };
    delegatedTo = stringKeyword(frame.delegateTo, scope);
    result = task.loop === void 0 ? await runSingle(state, scope) : await runLoop(state, scope);
  } catch (error) {
    result = failureResult(error, task);
  }
  const status = result.unreachable === true ? "unreachable" : statusOf(result);
  const ignored = status === "failed" && ignoresErrors(frame, scope);
  finishTask(play, task, frame, host, result, status);
  const rescued = status === "failed" && frame.rescuable && !ignored;
  count(host.counts, { status, changed: result.changed === true, ignored, rescued });
  const durationMs = performance.now() - started;
  run.profiler.addTask(ref.name, durationMs);
  run.emit({
    kind: "host_result",
    host: host.name,
    task: ref,
    status,
    ignored,
    rescued,
    delegatedTo,
    result: publicResult(play, result, noLog),
    durationMs,
    time: Date.now()
  });
  return { status, result };
}
function finishTask(play, task, frame, host, result, status) {
  if (task.register)
    host.setFacts[task.register] = result;
  if (status === "unreachable") {
    host.unreachable = true;
    return;
  }
  if (status === "failed" && !ignoresErrorsSafe(frame, play, host)) {
    host.failed = true;
    if (frame.rescuable)
      rememberFailureForRescue(task, host, result);
  }
  if (result.changed === true && status !== "failed") {
    for (const name of task.notify) {
      for (const handler of handlersNotifiedBy(renderNotify(name, play, frame, host), play.handlers))
        host.notified.add(handler);
    }
  }
}
function rememberFailureForRescue(task, host, result) {
  host.setFacts.ansible_failed_result = result;
  host.setFacts.ansible_failed_task = { name: task.name ?? task.module, action: task.module };
}
async function runSingle(state, scope) {
  const falseCondition = firstFalseCondition(state.frame.when, scope);
  if (falseCondition !== void 0) {
    return { changed: false, skipped: true, skip_reason: "Conditional result was False", false_condition: falseCondition };
  }
  return runWithRetries(state, scope);
}
async function runLoop(state, scope) {
  const { task, play, host, ref } = state;
  const items = loopItems(task, scope);
  const loopVar = task.loopControl?.loopVar ?? "item";
  const results = [];
  for (const [index, item] of items.entries()) {
    if (play.run.interrupted)
      break;
    const itemScope = scope.withTop(layer("loop", loopVars(task, loopVar, item, index, items.length), false));
    const falseCondition = firstFalseCondition(state.frame.when, itemScope);
    const itemResult = falseCondition === void 0 ? await runWithRetries(state, itemScope) : { changed: false, skipped: true, skip_reason: "Conditional result was False", false_condition: falseCondition };
    itemResult[loopVar] = item;
    itemResult.ansible_loop_var = loopVar;
    if (task.loopControl?.indexVar)
      itemResult[task.loopControl.indexVar] = index;
    results.push(itemResult);
    const label = itemLabel(task, itemScope, item);
    play.run.emit({
      kind: "host_result",
      host: host.name,
      task: ref,
      status: statusOf(itemResult),
      ignored: false,
      item: { label: state.noLog ? "(censored due to no_log)" : play.run.secrets.maskText(label) },
      result: publicResult(play, itemResult, state.noLog),
      durationMs: 0,
      time: Date.now()
    });
    if (task.loopControl?.pause)
      await sleep2(task.loopControl.pause * 1e3);
  }
  return aggregateLoop(results);
}
async function runWithRetries(state, scope) {
  const { task } = state;
  const hasUntil = task.until !== void 0 && task.until.length > 0;
  const retries = hasUntil ? numberKeyword(task.retries, scope) ?? 3 : 0;
  const delay = numberKeyword(task.delay, scope) ?? 5;
  for (let attempt = 1; ; attempt += 1) {
    const result = await runModule(state, scope);
    applyOverrides(state, scope, result);
    if (!hasUntil)
      return result;
    result.attempts = attempt;
    const done = evaluateAll(task.until, resultScope(state, scope, result));
    if (done)
      return result;
    if (attempt > retries || state.play.run.interrupted) {
      result.failed = true;
      if (!result.msg)
        result.msg = `the condition (until) was still false after ${attempt} attempts`;
      return result;
    }
    await sleep2(delay * 1e3, void 0, { signal: state.play.run.options.signal }).catch(() => void 0);
  }
}
async function runModule(state, scope) {
  const { play, task, frame, host, module } = state;
  const run = play.run;
  const check = effectiveCheck(frame, scope, run.options.check);
  const diff = frame.diff === void 0 ? run.options.diff : flag(frame.diff, scope);
  const rendered = run.profiler.time("render", async () => stripOmitted(renderDeep(task.args, scope)));
  const args2 = validateArgs(module, await rendered);
  if (check && module.checkMode === "none") {
    return { changed: false, skipped: true, msg: `remote module (${module.name}) does not support check mode` };
  }
  const delegate = stringKeyword(frame.delegateTo, scope);
  const connect = module.runsOn === "target" ? () => connectionFor(play, delegate ?? host.name) : async () => controllerConnection;
  const becomeOn = flag(frame.become, scope, truthyVar(scope, "ansible_become"));
  const becomeUser = stringKeyword(frame.becomeUser, scope) ?? stringVar(scope, "ansible_become_user") ?? "root";
  const connectedAs = stringVar(scope, "ansible_user");
  const timeoutSeconds = numberKeyword(frame.timeout, scope) ?? run.options.taskTimeoutSeconds;
  const ctx = buildModuleContext({
    run,
    host: host.name,
    taskName: state.ref.name,
    args: args2,
    connect,
    check,
    diff,
    // Becoming the user we already are would only add a sudo round trip.
    become: becomeOn && becomeUser !== connectedAs ? { user: becomeUser, method: "sudo" } : void 0,
    environment: environmentOf(frame, scope),
    timeoutMs: timeoutSeconds === void 0 ? void 0 : timeoutSeconds * 1e3,
    frame,
    scope,
    taskDir: dirname7(task.at.file),
    // A no_log task's warnings are censored with its result, as Ansible does; others show known secrets masked.
    onWarning: (message) => {
      if (!state.noLog)
        run.emit({ kind: "warning", host: host.name, message: run.secrets.maskText(message), time: Date.now() });
    }
  });
  const result = await module.run(ctx);
  applyFacts(module, host, result);
  if (state.noLog)
    run.secrets.addFromResult(result);
  return result;
}
function applyFacts(module, host, result) {
  const facts = result.ansible_facts;
  if (!facts || typeof facts !== "object" || result.failed)
    return;
  if (module.name === "setup")
    host.facts = { ...host.facts ?? {}, ...facts };
  else
    Object.assign(host.setFacts, facts);
}
function applyOverrides(state, scope, result) {
  const { task } = state;
  if (task.changedWhen === void 0 && task.failedWhen === void 0)
    return;
  const withResult = resultScope(state, scope, result);
  if (task.changedWhen !== void 0)
    result.changed = evaluateAll(task.changedWhen, withResult);
  if (task.failedWhen !== void 0) {
    const failed = evaluateAll(task.failedWhen, withResult);
    result.failed = failed;
    if (failed && !result.msg)
      result.msg = "the failed_when condition was met";
    if (!failed && typeof result.msg === "string" && result.msg === "non-zero return code")
      delete result.msg;
  }
}
function resultScope(state, scope, result) {
  const register = state.task.register;
  return register ? scope.withTop(layer("registered result", { [register]: result }, false)) : scope;
}
function firstFalseCondition(conditions2, scope) {
  return conditions2.find((condition) => !evaluateCondition(condition, scope));
}
function evaluateAll(conditions2, scope) {
  return conditions2.every((condition) => evaluateCondition(condition, scope));
}
function effectiveCheck(frame, scope, globalCheck) {
  if (frame.checkMode === void 0)
    return globalCheck;
  return flag(frame.checkMode, scope);
}
function loopItems(task, scope) {
  const value2 = typeof task.loop === "string" ? renderString(task.loop, scope) : renderDeep(task.loop, scope);
  if (!Array.isArray(value2)) {
    throw new CxError(`loop needs a list, got ${value2 === null ? "null" : typeof value2}`, {
      at: task.at,
      hint: "use a list, or a filter such as dict2items to turn a mapping into one"
    });
  }
  return task.loopFlatten ? value2.flat(1) : value2;
}
function loopVars(task, loopVar, item, index, length) {
  const vars = {
    [loopVar]: item,
    ansible_loop_var: loopVar,
    ansible_loop: {
      index: index + 1,
      index0: index,
      first: index === 0,
      last: index === length - 1,
      length,
      revindex: length - index,
      revindex0: length - index - 1
    }
  };
  if (task.loopControl?.indexVar)
    vars[task.loopControl.indexVar] = index;
  return vars;
}
function itemLabel(task, scope, item) {
  if (task.loopControl?.label !== void 0)
    return String(renderString(task.loopControl.label, scope));
  return typeof item === "string" ? item : JSON.stringify(item);
}
function environmentOf(frame, scope) {
  if (frame.environment === void 0)
    return {};
  const rendered = typeof frame.environment === "string" ? renderString(frame.environment, scope) : renderDeep(frame.environment, scope);
  if (!rendered || typeof rendered !== "object" || Array.isArray(rendered)) {
    throw new CxError("environment must be a mapping of variable names to values");
  }
  return Object.fromEntries(Object.entries(rendered).map(([key, value2]) => [key, String(value2)]));
}
function ignoresErrors(frame, scope) {
  try {
    return flag(frame.ignoreErrors, scope);
  } catch {
    return false;
  }
}
function ignoresErrorsSafe(frame, play, host) {
  return ignoresErrors(frame, play.scope(host, frame));
}
function renderNotify(name, play, frame, host) {
  return String(renderString(name, play.scope(host, frame)));
}
function truthyVar(scope, name) {
  return scope.has(name) ? flag(scope.get(name), scope) : false;
}
function stringVar(scope, name) {
  return scope.has(name) ? String(scope.get(name)) : void 0;
}
function publicResult(play, result, noLog) {
  if (noLog)
    return censoredResult(result);
  return play.run.secrets.mask(result);
}
function failureResult(error, task) {
  if (error instanceof UnreachableError)
    return { unreachable: true, changed: false, msg: error.message };
  if (error instanceof ExecTimeoutError)
    return { failed: true, changed: false, msg: `the task timed out: ${error.message}` };
  if (error instanceof ExecAbortedError)
    return { failed: true, changed: false, msg: error.message, interrupted: true };
  if (error instanceof CxError)
    return { failed: true, changed: false, msg: withPosition(error, task.at).describe() };
  const message = error instanceof Error ? error.message : String(error);
  return { failed: true, changed: false, msg: `${task.at.file}:${task.at.line ?? "?"}: ${message}` };
}
var controllerConnection = {
  host: "controller",
  execCount: 0,
  exec: () => Promise.reject(new Error("a controller module tried to run a remote command")),
  close: async () => void 0
};

// dist/engine/run/task-list-runner.js
var TaskListRunner = class {
  play;
  totalTasks;
  limit;
  taskIndex = 0;
  constructor(play, totalTasks) {
    this.play = play;
    this.totalTasks = totalTasks;
    this.limit = pLimit(Math.max(1, play.run.options.forks));
  }
  async runNodes(nodes2, hosts, frame) {
    for (const node of nodes2) {
      if (this.play.run.interrupted)
        return;
      const active = hosts.filter((name) => this.state(name).active);
      if (active.length === 0)
        return;
      await this.runNode(node, active, frame);
    }
  }
  async runNode(node, hosts, frame) {
    const tags = [...frame.tags, ...node.tags];
    const options = this.play.run.options;
    if (node.kind !== "block" && !selectedByTags(tags, options.tags, options.skipTags))
      return;
    switch (node.kind) {
      case "task":
        return this.runTask(node, hosts, frame);
      case "block":
        return this.runBlock(node, hosts, frame);
      case "meta":
        return this.runMeta(node, hosts, frame);
      case "include_tasks":
      case "include_role":
        return this.runInclude(node, hosts, frame);
    }
  }
  async runTask(task, hosts, frame) {
    const ref = this.taskRef(task, frame, hosts[0]);
    const run = this.play.run;
    run.emit({ kind: "task_start", task: ref, hosts, time: Date.now() });
    const first = this.state(hosts[0]);
    const taskFrame = enterNode(frame, task);
    const once = findModule(task.module)?.bypassHostLoop === true || flag(taskFrame.runOnce, this.play.scope(first, taskFrame));
    const targets = once ? [hosts[0]] : hosts;
    await Promise.all(targets.map((name) => this.limit(() => executeTask(this.play, task, ref, frame, this.state(name)))));
    if (once)
      this.shareRunOnceResult(task, first, hosts);
    this.applyFailureThresholds(taskFrame);
  }
  /** run_once: what the one host registered or set is set on every host of the batch. */
  shareRunOnceResult(task, source, hosts) {
    const shared = {};
    if (task.register && task.register in source.setFacts)
      shared[task.register] = source.setFacts[task.register];
    if (task.module === "set_fact")
      Object.assign(shared, source.setFacts);
    for (const name of hosts.slice(1))
      Object.assign(this.state(name).setFacts, shared);
  }
  async runBlock(block, hosts, frame) {
    const inner = enterNode(frame, block);
    const entering = hosts.filter((name) => this.state(name).active);
    const hasRescue = block.rescue.length > 0;
    await this.runNodes(block.block, entering, hasRescue ? { ...inner, rescuable: true } : inner);
    const failed = entering.filter((name) => this.state(name).failed);
    if (hasRescue && failed.length > 0) {
      for (const name of failed)
        this.state(name).failed = false;
      await this.runNodes(block.rescue, failed, inner);
    }
    if (block.always.length > 0)
      await this.runAlways(block, entering, inner);
  }
  /** `always` runs on every host that entered the block, failed ones included; they stay failed. */
  async runAlways(block, entering, frame) {
    const hosts = entering.filter((name) => !this.state(name).unreachable && !this.state(name).ended);
    const wereFailed = hosts.filter((name) => this.state(name).failed);
    for (const name of wereFailed)
      this.state(name).failed = false;
    await this.runNodes(block.always, hosts, frame);
    for (const name of wereFailed)
      this.state(name).failed = true;
  }
  async runMeta(meta, hosts, frame) {
    const inner = enterNode(frame, meta);
    const chosen = hosts.filter((name) => {
      const host = this.state(name);
      return inner.when.every((condition) => evaluateCondition(condition, this.play.scope(host, inner)));
    });
    switch (meta.action) {
      case "flush_handlers":
        return runHandlers(this, this.play.batch, frame);
      case "end_play":
        if (chosen.length > 0)
          for (const name of this.play.batch)
            this.state(name).ended = true;
        return;
      case "end_host":
        for (const name of chosen)
          this.state(name).ended = true;
        return;
      case "clear_host_errors":
        for (const name of this.play.batch) {
          const host = this.state(name);
          if (!host.unreachable)
            host.failed = false;
        }
        return;
      case "noop":
        return;
    }
  }
  async runInclude(node, hosts, frame) {
    this.play.run.emit({ kind: "task_start", task: this.includeRef(node), hosts, time: Date.now() });
    const inner = enterNode(frame, node);
    const groups = /* @__PURE__ */ new Map();
    for (const name of hosts) {
      const host = this.state(name);
      const scope = this.play.scope(host, inner);
      if (!inner.when.every((condition) => evaluateCondition(condition, scope))) {
        this.skipInclude(node, host);
        continue;
      }
      for (const item of this.includeItems(node, scope)) {
        const itemScope = item ? scope.withTop(layer("loop", item, false)) : scope;
        const target = String(renderString(node.target, itemScope));
        const key = `${target}\0${JSON.stringify(item ?? null)}`;
        const group = groups.get(key) ?? { hosts: [], item, target };
        group.hosts.push(name);
        groups.set(key, group);
      }
    }
    for (const group of groups.values()) {
      const itemLayers = group.item ? [layer("loop", group.item, false), ...inner.includeParams] : inner.includeParams;
      const groupFrame = { ...inner, includeParams: itemLayers };
      if (node.kind === "include_tasks")
        await this.includeTasks(node, group.target, group.hosts, groupFrame);
      else
        await this.includeRole(node, group.target, group.hosts, groupFrame);
    }
  }
  includeItems(node, scope) {
    if (node.loop === void 0)
      return [void 0];
    const value2 = typeof node.loop === "string" ? renderString(node.loop, scope) : renderDeep(node.loop, scope);
    if (!Array.isArray(value2))
      throw new CxError("loop needs a list", { at: node.at });
    const items = node.loopFlatten ? value2.flat(1) : value2;
    const loopVar = node.loopControl?.loopVar ?? "item";
    return items.map((item, index) => ({
      [loopVar]: item,
      ansible_loop_var: loopVar,
      ...node.loopControl?.indexVar ? { [node.loopControl.indexVar]: index } : {}
    }));
  }
  async includeTasks(node, target, hosts, frame) {
    const path = isAbsolute4(target) ? target : resolve9(node.baseDir, target);
    if (frame.includeStack.includes(path)) {
      const cycle = [...frame.includeStack, path].join(" -> ");
      this.failHosts(node, hosts, `${formatPosition(node.at)}: include cycle: ${cycle}`);
      return;
    }
    let tasks;
    try {
      tasks = loadTaskFile(path, { role: frame.role });
    } catch (error) {
      this.failHosts(node, hosts, error instanceof CxError ? error.describe() : String(error));
      return;
    }
    this.markIncluded(node, path, hosts);
    await this.runNodes(tasks, hosts, { ...frame, includeStack: [...frame.includeStack, path] });
  }
  async includeRole(node, name, hosts, frame) {
    let instance;
    try {
      instance = loadRole(name, { baseDir: this.play.play.baseDir, from: node.from, params: node.vars, at: node.at });
    } catch (error) {
      this.failHosts(node, hosts, error instanceof CxError ? error.describe() : String(error));
      return;
    }
    for (const task of instance.role.handlers)
      this.play.handlers.push({ task, role: instance });
    const roleFrame = { ...frame, blockVars: frame.blockVars.slice(Object.keys(node.vars).length > 0 ? 1 : 0), role: instance };
    await this.runNodes(roleEntryTasks(instance), hosts, roleFrame);
  }
  /** Ansible counts a loaded include as one `ok` per host ("included: file for hosts"). */
  markIncluded(node, file, hosts) {
    for (const name of hosts) {
      count(this.state(name).counts, { status: "ok", changed: false, ignored: false, rescued: false });
      this.play.run.emit({
        kind: "host_result",
        host: name,
        task: this.includeRef(node),
        status: "ok",
        ignored: false,
        result: { changed: false, include: file },
        durationMs: 0,
        time: Date.now()
      });
    }
  }
  skipInclude(node, host) {
    count(host.counts, { status: "skipped", changed: false, ignored: false, rescued: false });
    this.play.run.emit({
      kind: "host_result",
      host: host.name,
      task: this.includeRef(node),
      status: "skipped",
      ignored: false,
      result: { changed: false, skipped: true, skip_reason: "Conditional result was False" },
      durationMs: 0,
      time: Date.now()
    });
  }
  failHosts(node, hosts, message) {
    for (const name of hosts) {
      const host = this.state(name);
      host.failed = true;
      count(host.counts, { status: "failed", changed: false, ignored: false, rescued: false });
      this.play.run.emit({
        kind: "host_result",
        host: name,
        task: this.includeRef(node),
        status: "failed",
        ignored: false,
        result: { failed: true, changed: false, msg: message },
        durationMs: 0,
        time: Date.now()
      });
    }
  }
  /** any_errors_fatal and max_fail_percentage (exceeded, not reached) end the batch and the run. */
  applyFailureThresholds(frame) {
    const batch = this.play.batch.map((name) => this.state(name));
    const failed = frame.rescuable ? 0 : batch.filter((host) => host.failed).length;
    if (failed === 0 && !batch.some((host) => host.unreachable))
      return;
    const maxPercent = this.play.play.maxFailPercentage;
    const tooMany = maxPercent !== void 0 && failed / batch.length * 100 > maxPercent;
    if (!frame.anyErrorsFatal && !tooMany)
      return;
    for (const host of batch)
      if (host.active)
        host.ended = true;
    this.play.run.stopped = true;
  }
  taskRef(task, frame, firstHost) {
    this.taskIndex += 1;
    const base = task.name === void 0 ? task.module : this.displayName(task.name, frame, firstHost);
    const role = task.role ?? frame.role;
    return {
      name: role ? `${role.role.name} : ${base}` : base,
      module: task.module,
      at: task.at,
      index: this.taskIndex,
      total: Math.max(this.totalTasks, this.taskIndex),
      isHandler: frame.isHandler
    };
  }
  /** As Ansible shows it: `{{ }}` in a task name rendered with the first host's variables, or left as written when it cannot be. */
  displayName(name, frame, host) {
    if (!isTemplated(name))
      return name;
    try {
      return String(renderString(name, this.play.scope(this.state(host), frame)));
    } catch {
      return name;
    }
  }
  includeRef(node) {
    return { name: node.name ?? `${node.kind} ${node.target}`, module: node.kind, at: node.at, index: this.taskIndex, total: this.totalTasks, isHandler: false };
  }
  state(name) {
    return this.play.run.host(name);
  }
};

// dist/engine/run/count-tasks.js
function countTasks(nodes2, options, inherited = []) {
  let total = 0;
  for (const node of nodes2) {
    const tags = [...inherited, ...node.tags];
    if (node.kind === "block") {
      total += countTasks(node.block, options, tags) + countTasks(node.rescue, options, tags) + countTasks(node.always, options, tags);
    } else if (node.kind === "task" && selectedByTags(tags, options.tags, options.skipTags)) {
      total += 1;
    }
  }
  return total;
}

// dist/engine/run/play-runner.js
async function runPlay(run, play, playIndex) {
  const hosts = playHosts(run, play);
  const runtime = new PlayRuntime(run, play, hosts);
  const sections = [play.preTasks, [...play.roles, ...play.tasks], play.postTasks];
  const total = sections.reduce((sum, nodes2) => sum + countTasks(nodes2, run.options), 0) + (play.gatherFacts ? 1 : 0);
  run.emit({ kind: "play_start", name: play.name, hosts, playIndex, taskCount: total, time: Date.now() });
  if (hosts.length === 0) {
    run.emit({ kind: "warning", message: `no hosts matched '${play.hosts}' in play '${play.name}'; skipping it`, time: Date.now() });
  }
  const runner = new TaskListRunner(runtime, total);
  const frame = playFrame(play);
  for (const name of hosts)
    run.host(name).ended = false;
  for (const batch of serialBatches(hosts, play.serial)) {
    if (run.interrupted || run.stopped)
      break;
    runtime.batch = batch;
    await runBatch(runtime, runner, frame, sections);
    if (batch.every((name) => !run.host(name).active && !run.host(name).ended))
      run.stopped = true;
  }
  run.emit({ kind: "play_end", name: play.name, time: Date.now() });
}
async function runBatch(runtime, runner, frame, sections) {
  const { run, play } = runtime;
  for (const name of runtime.batch)
    runtime.loadVarsFiles(run.host(name));
  if (play.gatherFacts)
    await runner.runTask(gatherFactsTask(play), activeOf(runtime), frame);
  for (const nodes2 of sections) {
    if (run.interrupted)
      return;
    await runner.runNodes(nodes2, activeOf(runtime), frame);
    if (!run.interrupted)
      await runHandlers(runner, runtime.batch, frame);
  }
}
function activeOf(runtime) {
  return runtime.batch.filter((name) => runtime.run.host(name).active);
}
function playHosts(run, play) {
  const { inventory, limit, extraVars } = run.options;
  let pattern;
  try {
    pattern = String(renderString(play.hosts, scopeFromObject({ ...extraVars, groups: run.groups })));
  } catch (error) {
    throw error instanceof CxError ? withPosition(error, play.at) : error;
  }
  let hosts = selectHosts(inventory, pattern);
  if (limit) {
    const limited = new Set(selectHosts(inventory, limit));
    hosts = hosts.filter((name) => limited.has(name));
  }
  return hosts.filter((name) => {
    const host = run.host(name);
    return !host.failed && !host.unreachable;
  });
}
function gatherFactsTask(play) {
  return {
    kind: "task",
    name: "Gathering Facts",
    module: "setup",
    args: {},
    at: play.at,
    when: [],
    tags: ["always"],
    vars: {},
    notify: [],
    listen: []
  };
}

// dist/engine/connection/local.js
import { spawn } from "node:child_process";

// dist/engine/connection/become.js
function becomeCommand(become) {
  if (!become)
    return ["sh", "-s"];
  return ["sudo", "-n", "-H", "-u", become.user, "--", "sh", "-s"];
}
function becomeCommandLine(become) {
  const words = becomeCommand(become);
  if (become && !/^[A-Za-z0-9_.-]+$/.test(become.user)) {
    throw new Error(`become_user '${become.user}' is not a valid user name`);
  }
  return words.join(" ");
}

// dist/engine/connection/local.js
var LocalConnection = class {
  host;
  execs = 0;
  constructor(host = "localhost") {
    this.host = host;
  }
  get execCount() {
    return this.execs;
  }
  exec(script, options = {}) {
    this.execs += 1;
    const [command, ...args2] = becomeCommand(options.become);
    const child = spawn(command, args2, { stdio: ["pipe", "pipe", "pipe"], detached: true });
    return new Promise((resolve13, reject) => {
      const stdout = [];
      const stderr = [];
      let ended;
      const endTree = (error) => {
        ended = error;
        if (child.pid !== void 0) {
          try {
            process.kill(-child.pid, "SIGTERM");
          } catch {
          }
        }
      };
      const timer = options.timeoutMs === void 0 ? void 0 : setTimeout(() => endTree(new ExecTimeoutError(options.timeoutMs)), options.timeoutMs);
      const onAbort = () => endTree(new ExecAbortedError());
      options.signal?.addEventListener("abort", onAbort, { once: true });
      if (options.signal?.aborted)
        onAbort();
      child.stdout.on("data", (chunk) => stdout.push(chunk));
      child.stderr.on("data", (chunk) => stderr.push(chunk));
      child.stdin.on("error", () => void 0);
      child.on("error", reject);
      child.on("close", (code, signal) => {
        if (timer)
          clearTimeout(timer);
        options.signal?.removeEventListener("abort", onAbort);
        if (ended)
          return reject(ended);
        resolve13({
          rc: code ?? (signal ? 128 + signalNumber(signal) : 1),
          stdout: Buffer.concat(stdout).toString("utf8"),
          stderr: Buffer.concat(stderr).toString("utf8")
        });
      });
      child.stdin.end(script);
    });
  }
  async close() {
  }
};
function signalNumber(signal) {
  const numbers = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  return numbers[signal] ?? 0;
}

// dist/engine/connection/ssh.js
import { connect as connectTcp } from "node:net";
import { readFileSync as readFileSync6 } from "node:fs";
import { Client } from "ssh2";

// dist/engine/connection/known-hosts.js
import { createHash as createHash4, createHmac } from "node:crypto";
import { appendFileSync, existsSync as existsSync8, mkdirSync as mkdirSync2, readFileSync as readFileSync5 } from "node:fs";
import { dirname as dirname8 } from "node:path";
function fingerprint(key) {
  return `SHA256:${createHash4("sha256").update(key).digest("base64").replace(/=+$/, "")}`;
}
function checkHostKey(file, address, port, key, acceptNew, host) {
  const name = port === 22 ? address : `[${address}]:${port}`;
  const keyType = key.readUInt32BE(0) > 0 ? key.subarray(4, 4 + key.readUInt32BE(0)).toString() : "";
  const encoded = key.toString("base64");
  const all = readEntries(file).filter((entry) => entry.matches(name));
  if (all.some((entry) => entry.revoked && entry.type === keyType && entry.key === encoded)) {
    return {
      ok: false,
      reason: "revoked",
      message: `the host key of ${host} (${name}, ${keyType} ${fingerprint(key)}) is marked @revoked in ${file}. Nothing was sent.`
    };
  }
  const entries = all.filter((entry) => !entry.revoked);
  if (entries.some((entry) => entry.type === keyType && entry.key === encoded))
    return { ok: true, added: false };
  if (entries.some((entry) => entry.type === keyType)) {
    return {
      ok: false,
      reason: "changed",
      message: `the host key of ${host} (${name}) has CHANGED: ${fingerprint(key)} does not match ${file}. Someone could be intercepting the connection (man-in-the-middle), or the host was reinstalled. Nothing was sent. If the change is expected, remove the old key: ssh-keygen -R ${name} -f ${file}`
    };
  }
  if (!acceptNew) {
    return {
      ok: false,
      reason: "unknown",
      message: `the host key of ${host} (${name}, ${keyType} ${fingerprint(key)}) is not in ${file}. Check it and add it (ssh-keyscan), or run with --accept-new-host-keys`
    };
  }
  mkdirSync2(dirname8(file), { recursive: true });
  appendFileSync(file, `${name} ${keyType} ${encoded}
`, { mode: 384 });
  return { ok: true, added: true };
}
function readEntries(file) {
  if (!existsSync8(file))
    return [];
  const entries = [];
  for (const raw of readFileSync5(file, "utf8").split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#"))
      continue;
    const fields = line.split(/\s+/);
    const revoked = fields[0] === "@revoked";
    if (revoked)
      fields.shift();
    else if (fields[0].startsWith("@"))
      continue;
    const [names, type, key] = fields;
    if (!names || !type || !key)
      continue;
    entries.push({ revoked, type, key, matches: (name) => names.split(",").some((pattern) => nameMatches(pattern, name)) });
  }
  return entries;
}
function nameMatches(pattern, name) {
  if (pattern.startsWith("|1|")) {
    const [, , salt, hash] = pattern.split("|");
    if (!salt || !hash)
      return false;
    return createHmac("sha1", Buffer.from(salt, "base64")).update(name).digest("base64") === hash;
  }
  if (pattern.includes("*") || pattern.includes("?")) {
    return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`).test(name);
  }
  return pattern === name;
}

// dist/engine/connection/shell-session.js
import { randomBytes as randomBytes5 } from "node:crypto";
var ShellSession = class _ShellSession {
  channel;
  pid;
  token;
  running;
  isEnded = false;
  stdoutTail = "";
  stderrTail = "";
  stdoutEnd;
  stderrEnd;
  constructor(channel, pid, token) {
    this.channel = channel;
    this.pid = pid;
    this.token = token;
    this.stdoutEnd = new RegExp(`\\n@@cxend_${token} (\\d+)\\n$`);
    this.stderrEnd = new RegExp(`\\n@@cxend_${token}\\n$`);
    channel.on("data", (chunk) => this.onStdout(chunk));
    channel.stderr.on("data", (chunk) => this.onStderr(chunk));
    channel.on("close", () => this.end(new Error("the remote shell ended while a command was running")));
  }
  /** Start the session shell and learn its pid (one round trip, once per connection). */
  static open(client) {
    return new Promise((resolvePromise, reject) => {
      client.exec("sh -s", (error, channel) => {
        if (error)
          return reject(error);
        let head = "";
        const onData = (chunk) => {
          head += chunk.toString("latin1");
          const newline = head.indexOf("\n");
          if (newline < 0)
            return;
          channel.removeListener("data", onData);
          channel.removeListener("close", onClose);
          resolvePromise(new _ShellSession(channel, Number(head.slice(0, newline)), randomBytes5(12).toString("hex")));
        };
        const onClose = () => reject(new Error("the remote shell did not start"));
        channel.on("data", onData);
        channel.stderr.on("data", () => void 0);
        channel.once("close", onClose);
        channel.write(`cx_run() { ( eval "$1" ) </dev/null; printf '\\n@@cxend_%s %s\\n' "$2" "$?"; printf '\\n@@cxend_%s\\n' "$2" >&2; }
echo "$$"
`);
      });
    });
  }
  get available() {
    return !this.isEnded && this.running === void 0;
  }
  get ended() {
    return this.isEnded;
  }
  run(script) {
    if (!this.available)
      return Promise.reject(new Error("the remote shell is not available"));
    return new Promise((resolvePromise, reject) => {
      this.running = { resolve: resolvePromise, reject, stdout: [], stderr: [], code: void 0, stderrDone: false };
      this.channel.write(`cx_run '${script.replace(/'/g, "'\\''")}' ${this.token}
`);
    });
  }
  /** Close the session (a running script's promise rejects); the next exec opens another. */
  end(error = new Error("the remote shell was closed")) {
    if (this.isEnded)
      return;
    this.isEnded = true;
    const running = this.running;
    this.running = void 0;
    running?.reject(error);
    this.channel.close();
  }
  onStdout(chunk) {
    const running = this.running;
    if (!running)
      return;
    running.stdout.push(chunk);
    this.stdoutTail = (this.stdoutTail + chunk.toString("latin1")).slice(-200);
    const match2 = this.stdoutEnd.exec(this.stdoutTail);
    if (!match2)
      return;
    running.code = Number(match2[1]);
    this.stdoutTail = "";
    this.settleWhenDone();
  }
  onStderr(chunk) {
    const running = this.running;
    if (!running)
      return;
    running.stderr.push(chunk);
    this.stderrTail = (this.stderrTail + chunk.toString("latin1")).slice(-200);
    if (!this.stderrEnd.test(this.stderrTail))
      return;
    running.stderrDone = true;
    this.stderrTail = "";
    this.settleWhenDone();
  }
  settleWhenDone() {
    const running = this.running;
    if (!running || running.code === void 0 || !running.stderrDone)
      return;
    this.running = void 0;
    const stdout = Buffer.concat(running.stdout);
    const stderr = Buffer.concat(running.stderr);
    const stdoutMarker = Buffer.byteLength(`
@@cxend_${this.token} ${running.code}
`);
    const stderrMarker = Buffer.byteLength(`
@@cxend_${this.token}
`);
    running.resolve({
      rc: running.code,
      stdout: stdout.subarray(0, stdout.length - stdoutMarker).toString("utf8"),
      stderr: stderr.subarray(0, stderr.length - stderrMarker).toString("utf8")
    });
  }
};

// dist/engine/connection/ssh.js
var MAX_CHANNELS = 7;
var PID_MARKER = "@@cxpid ";
var PID_LINE = `echo "${PID_MARKER}$$" >&2
`;
var KILL_WAIT_MS = 5e3;
var SshConnection = class _SshConnection {
  host;
  client;
  execs = 0;
  dead;
  channels = pLimit(MAX_CHANNELS);
  pending = /* @__PURE__ */ new Set();
  /** Kills of timed-out or interrupted scripts still running: close() waits for them. */
  kills = /* @__PURE__ */ new Set();
  /** The shell session for execs without become (undefined until the first such exec; null when it cannot start). */
  session;
  constructor(host, client) {
    this.host = host;
    this.client = client;
    client.on("error", (error) => this.markDead(`connection lost: ${error.message}`));
    client.on("close", () => this.markDead("connection closed by the remote host"));
  }
  /** Connect and authenticate; an abort of `signal` (SIGINT/SIGTERM) gives up at once instead of waiting for the timeout. */
  static async open(spec, signal) {
    const socket = await openSocket(spec, signal);
    const client = new Client();
    let hostKeyProblem;
    const config = {
      sock: socket,
      username: spec.user,
      readyTimeout: spec.connectTimeoutMs,
      keepaliveInterval: spec.keepaliveIntervalMs,
      keepaliveCountMax: spec.keepaliveCountMax,
      hostVerifier: (key) => {
        const verdict = checkHostKey(spec.knownHostsFile, spec.address, spec.port, key, spec.acceptNewHostKeys, spec.host);
        if (!verdict.ok)
          hostKeyProblem = verdict.message;
        return verdict.ok;
      }
    };
    if (spec.privateKeyFile) {
      try {
        config.privateKey = readFileSync6(spec.privateKeyFile);
      } catch {
        socket.destroy();
        throw new UnreachableError(spec.host, `cannot read the private key ${spec.privateKeyFile}`);
      }
    }
    if (process.env.SSH_AUTH_SOCK)
      config.agent = process.env.SSH_AUTH_SOCK;
    if (spec.password)
      config.password = spec.password;
    return new Promise((resolvePromise, reject) => {
      const stop = (error) => {
        signal?.removeEventListener("abort", onAbort);
        client.removeAllListeners();
        client.on("error", () => void 0);
        client.end();
        socket.destroy();
        reject(error);
      };
      const fail = (error) => stop(new UnreachableError(spec.host, describeConnectError(spec, error, hostKeyProblem), { cause: error }));
      const onAbort = () => stop(new ExecAbortedError("interrupted while connecting"));
      client.once("ready", () => {
        signal?.removeEventListener("abort", onAbort);
        client.removeListener("error", fail);
        resolvePromise(new _SshConnection(spec.host, client));
      });
      client.once("error", fail);
      signal?.addEventListener("abort", onAbort, { once: true });
      client.connect(config);
    });
  }
  get execCount() {
    return this.execs;
  }
  exec(script, options = {}) {
    if (this.dead)
      return Promise.reject(this.dead);
    this.execs += 1;
    if (options.become)
      return this.channels(() => this.run(script, options));
    return this.shellSession().then((session) => session?.available ? this.runInSession(session, script, options) : this.channels(() => this.run(script, options)));
  }
  /** The connection's shell session, opened on first use and again after one was ended (timeout, interrupt). */
  async shellSession() {
    const current = await this.session;
    if (current === null || current && !current.ended)
      return current ?? null;
    this.session = ShellSession.open(this.client).catch(() => null);
    return this.session;
  }
  runInSession(session, script, options) {
    if (this.dead)
      return Promise.reject(this.dead);
    const stop = () => {
      this.killRemoteGroup(session.pid, void 0);
      session.end();
    };
    return this.supervise(options, stop, (finish) => {
      session.run(script).then((result) => finish(void 0, result), (error) => finish(this.dead ?? error));
    });
  }
  run(script, options) {
    if (this.dead)
      return Promise.reject(this.dead);
    const command = becomeCommandLine(options.become);
    let remotePid;
    let channelRef;
    const stop = () => {
      if (remotePid !== void 0)
        this.killRemoteGroup(remotePid, options.become);
      channelRef?.close();
    };
    return this.supervise(options, stop, (finish) => {
      this.client.exec(command, (error, channel) => {
        if (error)
          return finish(this.dead ?? new UnreachableError(this.host, `cannot open a channel: ${error.message}`));
        channelRef = channel;
        const stdout = [];
        const stderr = [];
        let stderrHead = "";
        let code;
        channel.on("data", (chunk) => stdout.push(chunk));
        channel.stderr.on("data", (chunk) => {
          if (remotePid === void 0) {
            stderrHead += chunk.toString("utf8");
            const newline = stderrHead.indexOf("\n");
            if (newline < 0)
              return;
            const first = stderrHead.slice(0, newline);
            if (first.startsWith(PID_MARKER)) {
              remotePid = Number(first.slice(PID_MARKER.length));
              if (stderrHead.length > newline + 1)
                stderr.push(Buffer.from(stderrHead.slice(newline + 1)));
            } else {
              remotePid = -1;
              stderr.push(Buffer.from(stderrHead));
            }
            return;
          }
          stderr.push(chunk);
        });
        channel.on("exit", (exitCode, signal) => {
          code = exitCode ?? (signal ? 128 + (signal === "KILL" ? 9 : 15) : 255);
        });
        channel.on("close", () => {
          if (remotePid === void 0 && stderrHead)
            stderr.push(Buffer.from(stderrHead));
          if (code === void 0)
            return finish(this.dead ?? new UnreachableError(this.host, "the connection dropped while a command was running"));
          finish(void 0, { rc: code ?? 255, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") });
        });
        channel.end(PID_LINE + script);
      });
    });
  }
  /**
   * One exec's lifetime: it settles once, with the script's result or the
   * first of a dead connection, the timeout or an interrupt; on the last two,
   * `stop` ends what still runs on the host.
   */
  supervise(options, stop, start) {
    return new Promise((resolvePromise, reject) => {
      let settled = false;
      const finish = (error, result) => {
        if (settled)
          return;
        settled = true;
        this.pending.delete(finish);
        if (timer)
          clearTimeout(timer);
        options.signal?.removeEventListener("abort", onAbort);
        if (error)
          reject(error);
        else
          resolvePromise(result);
      };
      this.pending.add(finish);
      const end = (error) => {
        stop();
        finish(error);
      };
      const timer = options.timeoutMs === void 0 ? void 0 : setTimeout(() => end(new ExecTimeoutError(options.timeoutMs)), options.timeoutMs);
      const onAbort = () => end(new ExecAbortedError());
      options.signal?.addEventListener("abort", onAbort, { once: true });
      if (options.signal?.aborted)
        return onAbort();
      start(finish);
    });
  }
  async close() {
    if (this.kills.size > 0) {
      let timer;
      const bound = new Promise((resolve13) => timer = setTimeout(resolve13, KILL_WAIT_MS));
      await Promise.race([Promise.all(this.kills), bound]);
      clearTimeout(timer);
    }
    this.dead ??= new UnreachableError(this.host, "connection closed");
    this.client.end();
  }
  /**
   * A second channel ends the remote process group of a timed-out or
   * interrupted script: TERM, up to 3 s for it to go, then KILL. The channel
   * closes when the group is gone, and close() waits for that, so ending the
   * run cannot cut the kill short.
   */
  killRemoteGroup(pid, become) {
    if (pid <= 1 || this.dead)
      return;
    const prefix = become ? `sudo -n -u ${become.user} ` : "";
    const script = `kill -TERM -${pid} 2>/dev/null || kill -TERM ${pid} 2>/dev/null; i=0; while kill -0 -${pid} 2>/dev/null && [ $i -lt 3 ]; do sleep 1; i=$((i+1)); done; kill -KILL -${pid} 2>/dev/null; exit 0`;
    const kill = new Promise((resolvePromise) => {
      const done = () => {
        this.pending.delete(done);
        resolvePromise();
      };
      this.pending.add(done);
      this.client.exec(`${prefix}sh -c '${script}'`, (error, channel) => {
        if (error)
          return done();
        channel.on("data", () => void 0);
        channel.stderr.on("data", () => void 0);
        channel.on("close", done);
        channel.end();
      });
    });
    this.kills.add(kill);
    void kill.then(() => this.kills.delete(kill));
  }
  markDead(message) {
    if (this.dead)
      return;
    this.dead = new UnreachableError(this.host, message);
    for (const reject of this.pending)
      reject(this.dead);
    this.pending.clear();
  }
};
function openSocket(spec, signal) {
  return new Promise((resolvePromise, reject) => {
    if (signal?.aborted)
      return reject(new ExecAbortedError("interrupted before connecting"));
    const socket = connectTcp({ host: spec.address, port: spec.port });
    socket.setNoDelay(true);
    const settle = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    };
    const onAbort = () => {
      settle();
      socket.destroy();
      reject(new ExecAbortedError("interrupted while connecting"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const timer = setTimeout(() => {
      settle();
      socket.destroy();
      reject(new UnreachableError(spec.host, `connect to ${spec.address}:${spec.port} timed out after ${Math.round(spec.connectTimeoutMs / 1e3)} s`));
    }, spec.connectTimeoutMs);
    socket.once("connect", () => {
      settle();
      socket.removeAllListeners("error");
      resolvePromise(socket);
    });
    socket.once("error", (error) => {
      settle();
      const reason = error.code === "ECONNREFUSED" ? "connection refused" : error.code === "EHOSTUNREACH" ? "no route to host" : error.message;
      reject(new UnreachableError(spec.host, `cannot connect to ${spec.address}:${spec.port}: ${reason}`));
    });
  });
}
function describeConnectError(spec, error, hostKeyProblem) {
  if (hostKeyProblem)
    return hostKeyProblem;
  const level = error.level;
  if (level === "client-authentication") {
    return `authentication failed for ${spec.user}@${spec.address}:${spec.port}${spec.privateKeyFile ? ` with the key ${spec.privateKeyFile}` : " (no key given: set ansible_ssh_private_key_file or run an ssh agent)"}`;
  }
  if (/Timed out/i.test(error.message))
    return `SSH handshake with ${spec.address}:${spec.port} timed out`;
  return `SSH to ${spec.address}:${spec.port} failed: ${error.message}`;
}

// dist/engine/connection/pool.js
var ConnectionPool = class {
  connections = /* @__PURE__ */ new Map();
  opened = [];
  /** `signal` (the run's interrupt) abandons a connection attempt still under way. */
  get(host, spec, signal) {
    let connection = this.connections.get(host);
    if (!connection) {
      connection = this.open(spec, signal);
      connection.catch(() => void 0);
      this.connections.set(host, connection);
    }
    return connection;
  }
  totalExecs() {
    return this.opened.reduce((total, connection) => total + connection.execCount, 0);
  }
  async closeAll() {
    await Promise.all(this.opened.map((connection) => connection.close().catch(() => void 0)));
  }
  async open(spec, signal) {
    const connection = spec.type === "local" ? new LocalConnection(spec.host) : await SshConnection.open(spec, signal);
    this.opened.push(connection);
    return connection;
  }
};

// dist/engine/run/host-state.js
var HostState = class {
  name;
  inventoryVars;
  groupNames;
  facts;
  /** set_fact and register results: inert (never rendered again), above task vars. */
  setFacts = /* @__PURE__ */ Object.create(null);
  failed = false;
  unreachable = false;
  /** Left the play without failing (meta end_host, any_errors_fatal, max_fail_percentage). */
  ended = false;
  notified = /* @__PURE__ */ new Set();
  counts = emptyCounts();
  constructor(name, inventoryVars, groupNames) {
    this.name = name;
    this.inventoryVars = inventoryVars;
    this.groupNames = groupNames;
  }
  /** Still taking tasks in this play. */
  get active() {
    return !this.failed && !this.unreachable && !this.ended;
  }
};

// dist/engine/run/template-cache.js
import { readFile } from "node:fs/promises";
var TemplateCache = class {
  compiled = /* @__PURE__ */ new Map();
  get(path) {
    let entry = this.compiled.get(path);
    if (!entry) {
      entry = Promise.all([readFile(path, "utf8"), import("./handlebars-DBEDP2PY.js")]).then(([source, { compileTemplateFile }]) => compileTemplateFile(source, path));
      this.compiled.set(path, entry);
    }
    return entry;
  }
};

// dist/engine/run/profiler.js
var Profiler = class {
  phases = /* @__PURE__ */ new Map();
  tasks = /* @__PURE__ */ new Map();
  async time(phase, work) {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(this.phases, phase, performance.now() - started);
    }
  }
  /** A task finished on one host (count is then the number of hosts it ran on). */
  addTask(name, durationMs) {
    const entry = this.task(name);
    entry.totalMs += durationMs;
    entry.count += 1;
  }
  /** A remote exec made by a task (summed over its hosts and loop items). */
  addExec(task) {
    this.task(task).execs += 1;
  }
  report() {
    return { phases: Object.fromEntries(this.phases), tasks: Object.fromEntries(this.tasks) };
  }
  task(name) {
    let entry = this.tasks.get(name);
    if (!entry) {
      entry = { totalMs: 0, count: 0, execs: 0 };
      this.tasks.set(name, entry);
    }
    return entry;
  }
  add(map, key, ms) {
    const entry = map.get(key) ?? { totalMs: 0, count: 0 };
    entry.totalMs += ms;
    entry.count += 1;
    map.set(key, entry);
  }
};

// dist/engine/run/run-context.js
var RunContext = class {
  options;
  hosts = /* @__PURE__ */ new Map();
  pool = new ConnectionPool();
  secrets = new SecretRegistry();
  templates = new TemplateCache();
  profiler = new Profiler();
  /** `groups` as expressions see it: every group with its hosts, computed once. */
  groups;
  startedAt = Date.now();
  /**
   * No further batch or play runs, as ansible-playbook ends the whole run when
   * any_errors_fatal or max_fail_percentage aborts a play or a whole batch fails.
   */
  stopped = false;
  constructor(options) {
    this.options = options;
    this.groups = groupsMap(options.inventory);
  }
  get bus() {
    return this.options.bus;
  }
  get interrupted() {
    return this.options.signal.aborted;
  }
  emit(event) {
    this.bus.emit(event);
  }
  /** The state of an inventory host (or of an ad-hoc name such as an implicit localhost). */
  host(name) {
    let state = this.hosts.get(name);
    if (!state) {
      const known = this.options.inventory.hosts.has(name);
      state = new HostState(name, known ? hostVarsFromInventory(this.options.inventory, name) : {}, known ? groupNamesOf(this.options.inventory, name) : []);
      this.hosts.set(name, state);
    }
    return state;
  }
};

// dist/engine/run/run-playbook.js
async function runPlaybook(options) {
  const run = new RunContext(options);
  run.emit({
    kind: "playbook_start",
    playbook: options.playbook.file,
    check: options.check,
    diff: options.diff,
    plays: options.playbook.plays.length,
    time: Date.now()
  });
  try {
    for (const [index, play] of options.playbook.plays.entries()) {
      if (run.interrupted)
        break;
      await runPlay(run, play, index);
    }
  } finally {
    await run.pool.closeAll();
  }
  const counted = [...run.hosts.values()].filter((host) => Object.values(host.counts).some((value2) => value2 > 0));
  const hosts = Object.fromEntries(counted.map((host) => [host.name, host.counts]));
  const exitCode = exitCodeOf(run);
  if (options.retryFile) {
    try {
      writeRetryFile(options.retryFile, run);
    } catch (error) {
      run.emit({ kind: "warning", message: `could not write the retry file ${options.retryFile}: ${error.message}`, time: Date.now() });
    }
  }
  const elapsedMs = Date.now() - run.startedAt;
  run.emit({ kind: "recap", hosts, elapsedMs, interrupted: run.interrupted, exitCode, time: Date.now() });
  return { exitCode, hosts, elapsedMs, execs: run.pool.totalExecs(), profile: run.profiler.report() };
}
function exitCodeOf(run) {
  if (run.interrupted)
    return ExitCode.interrupted;
  const states = [...run.hosts.values()];
  if (states.some((host) => host.unreachable))
    return ExitCode.hostUnreachable;
  if (states.some((host) => host.failed))
    return ExitCode.hostFailed;
  return ExitCode.ok;
}
function writeRetryFile(path, run) {
  const names = [...run.hosts.values()].filter((host) => host.failed || host.unreachable).map((host) => host.name);
  if (names.length === 0)
    return;
  const temporary = `${path}.${randomBytes6(6).toString("hex")}.tmp`;
  try {
    writeFileSync2(temporary, `${names.join("\n")}
`, { mode: 384, flag: "wx" });
    renameSync2(temporary, path);
  } catch (error) {
    rmSync2(temporary, { force: true });
    throw error;
  }
}

// dist/engine/cli/extra-vars.js
import { isAbsolute as isAbsolute5, resolve as resolve10 } from "node:path";
function parseExtraVars(values, cwd) {
  const merged = {};
  for (const value2 of values)
    Object.assign(merged, parseOne(value2.trim(), cwd));
  return merged;
}
function parseOne(value2, cwd) {
  if (value2.startsWith("@")) {
    const file = value2.slice(1);
    return loadVarsFile(isAbsolute5(file) ? file : resolve10(cwd, file));
  }
  if (value2.startsWith("{")) {
    let parsed2;
    try {
      parsed2 = parseYaml(value2, "-e");
    } catch (error) {
      throw badExtraVars(value2, error.message);
    }
    if (!parsed2 || typeof parsed2 !== "object" || Array.isArray(parsed2))
      throw badExtraVars(value2, "not a mapping");
    return safeCopy(parsed2);
  }
  return parseKeyValues(value2);
}
function parseKeyValues(text2) {
  const out = {};
  const pattern = /([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/y;
  let index = 0;
  while (index < text2.length) {
    if (/\s/.test(text2[index])) {
      index += 1;
      continue;
    }
    pattern.lastIndex = index;
    const match2 = pattern.exec(text2);
    if (!match2)
      throw badExtraVars(text2, `expected name=value at '${text2.slice(index, index + 20)}'`);
    out[match2[1]] = unquote2(match2[2]);
    index = pattern.lastIndex;
  }
  return safeCopy(out);
}
function unquote2(value2) {
  if (value2.startsWith('"') && value2.endsWith('"') && value2.length >= 2)
    return value2.slice(1, -1).replace(/\\(.)/g, "$1");
  if (value2.startsWith("'") && value2.endsWith("'") && value2.length >= 2)
    return value2.slice(1, -1);
  return value2;
}
function safeCopy(values) {
  for (const key of Object.keys(values)) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") {
      throw badExtraVars(key, `the name '${key}' is not allowed`);
    }
  }
  return { ...values };
}
function badExtraVars(value2, reason) {
  return new CxError(`invalid -e '${value2}': ${reason}`, {
    exitCode: ExitCode.badOptions,
    hint: `use -e name=value, -e '{"name": "value"}' or -e @vars.yaml`
  });
}

// dist/engine/cli/listing.js
function printListing(options, wanted) {
  const lines = ["", `playbook: ${options.playbook.file}`];
  for (const [index, play] of options.playbook.plays.entries()) {
    lines.push("", `  play #${index + 1} (${play.hosts}): ${play.name}	TAGS: [${play.tags.join(", ")}]`);
    if (wanted.hosts) {
      let hosts = selectHosts(options.inventory, play.hosts);
      if (options.limit) {
        const limited = new Set(selectHosts(options.inventory, options.limit));
        hosts = hosts.filter((name) => limited.has(name));
      }
      lines.push(`    pattern: ['${play.hosts}']`, `    hosts (${hosts.length}):`, ...hosts.map((host) => `      ${host}`));
    }
    const nodes2 = [...play.preTasks, ...play.roles, ...play.tasks, ...play.postTasks];
    if (wanted.tasks) {
      lines.push("    tasks:");
      for (const task of listTasks(nodes2, play.tags, options))
        lines.push(`      ${task.name}	TAGS: [${task.tags.join(", ")}]`);
    }
    if (wanted.tags) {
      const tags = /* @__PURE__ */ new Set();
      for (const task of listTasks(nodes2, play.tags, options))
        for (const tag of task.tags)
          tags.add(tag);
      lines.push(`      TASK TAGS: [${[...tags].sort().join(", ")}]`);
    }
  }
  process.stdout.write(`${lines.join("\n")}
`);
}
function listTasks(nodes2, inherited, options, role) {
  const out = [];
  for (const node of nodes2) {
    const tags = [.../* @__PURE__ */ new Set([...inherited, ...node.tags])];
    const roleName = node.role?.role.name ?? role;
    if (node.kind === "block") {
      out.push(...listTasks([...node.block, ...node.rescue, ...node.always], tags, options, roleName));
    } else if (selectedByTags(tags, options.tags, options.skipTags)) {
      const base = node.name ?? (node.kind === "task" ? node.module : node.kind === "meta" ? `meta: ${node.action}` : `${node.kind} ${node.target}`);
      out.push({ name: roleName ? `${roleName} : ${base}` : base, tags });
    }
  }
  return out;
}

// dist/engine/cli/role-arguments.js
function checkRoleArguments(play, options) {
  const roles = play.roles.filter((block) => Boolean(block.role?.role.argumentSpec));
  if (roles.length === 0 || isTemplated(play.hosts))
    return;
  let hosts = selectHosts(options.inventory, play.hosts);
  if (options.limit) {
    const limited = new Set(selectHosts(options.inventory, options.limit));
    hosts = hosts.filter((name) => limited.has(name));
  }
  const run = new RunContext(options);
  const runtime = new PlayRuntime(run, play, hosts);
  for (const block of roles) {
    const spec = block.role.role.argumentSpec;
    const properties = Object.keys(spec.schema.properties ?? {});
    for (const name of hosts) {
      const host = run.host(name);
      runtime.loadVarsFiles(host);
      const scope = runtime.scope(host, enterNode(playFrame(play), block));
      const values = {};
      for (const property of properties) {
        if (!scope.has(property))
          continue;
        try {
          values[property] = scope.get(property);
        } catch (error) {
          if (error instanceof UndefinedVariableError)
            continue;
          throw error;
        }
      }
      const problems = argumentProblems(spec.schema, values);
      if (problems.length > 0) {
        throw new CxError(`role '${block.role.role.name}' got invalid variables for host ${name}: ${problems.join("; ")}`, {
          at: spec.at,
          hint: "fix the values in the inventory, group_vars/host_vars, play vars or -e"
        });
      }
    }
  }
}

// dist/engine/cli/undefined-variables.js
import { isAbsolute as isAbsolute6, resolve as resolve11 } from "node:path";

// dist/engine/template/free-names.js
var DEFAULT_FILTERS = /* @__PURE__ */ new Set(["default", "d"]);
var DEFINED_TESTS = /* @__PURE__ */ new Set(["defined", "undefined"]);
function collectNames(node, into = { read: /* @__PURE__ */ new Set(), guarded: /* @__PURE__ */ new Set() }) {
  switch (node.t) {
    case "lit":
      return into;
    case "name":
      into.read.add(node.name);
      return into;
    case "attr":
    case "slice":
      return collectNames(node.object, into);
    case "index":
      collectNames(node.object, into);
      return collectNames(node.index, into);
    case "list":
      for (const item of node.items)
        collectNames(item, into);
      return into;
    case "dict":
      for (const [key, item] of node.entries)
        collectNames(item, collectNames(key, into));
      return into;
    case "unary":
      return collectNames(node.operand, into);
    case "binary":
    case "logic":
      collectNames(node.left, into);
      return collectNames(node.right, into);
    case "cond":
      collectNames(node.test, into);
      collectNames(node.then, into);
      return node.otherwise ? collectNames(node.otherwise, into) : into;
    case "filter":
      collectArguments(node.args, node.kwargs, into);
      return DEFAULT_FILTERS.has(node.name) ? guard(node.operand, into) : collectNames(node.operand, into);
    case "test":
      for (const arg of node.args)
        collectNames(arg, into);
      return DEFINED_TESTS.has(node.name) ? guard(node.operand, into) : collectNames(node.operand, into);
    case "call":
      if (node.callee.t !== "name")
        collectNames(node.callee, into);
      return collectArguments(node.args, node.kwargs, into);
  }
}
function collectArguments(args2, kwargs2, into) {
  for (const arg of args2)
    collectNames(arg, into);
  for (const arg of Object.values(kwargs2))
    collectNames(arg, into);
  return into;
}
function guard(node, into) {
  if (node.t === "name")
    into.guarded.add(node.name);
  else if (node.t === "attr" || node.t === "slice")
    guard(node.object, into);
  else if (node.t === "index") {
    guard(node.object, into);
    collectNames(node.index, into);
  } else
    collectNames(node, into);
  return into;
}

// dist/engine/cli/undefined-variables.js
var MAGIC = [
  "inventory_hostname",
  "inventory_hostname_short",
  "group_names",
  "groups",
  "hostvars",
  "playbook_dir",
  "play_hosts",
  "omit",
  "item",
  "vars",
  "role_path",
  "role_name",
  "inventory_dir",
  "inventory_file"
];
function checkUndefinedVariables(options) {
  const walk = { sites: [], defined: new Set(MAGIC), seenFiles: /* @__PURE__ */ new Set(), unknowable: false };
  addKeys(walk.defined, options.extraVars);
  for (const host of options.inventory.hosts.values())
    addKeys(walk.defined, host.vars);
  for (const group of options.inventory.groups.values())
    addKeys(walk.defined, group.vars);
  for (const play of options.playbook.plays)
    collectPlay(play, walk);
  if (walk.unknowable)
    return;
  for (const site of walk.sites)
    checkSite(site, walk.defined);
}
function collectPlay(play, walk) {
  addKeys(walk.defined, play.vars);
  for (const file of play.varsFiles) {
    if (isTemplated(file))
      walk.unknowable = true;
    else
      addKeys(walk.defined, loadVarsFile(isAbsolute6(file) ? file : resolve11(play.baseDir, file)));
  }
  collectNodes([...play.preTasks, ...play.roles, ...play.tasks, ...play.postTasks, ...play.handlers], play, walk);
}
function collectNodes(nodes2, play, walk) {
  for (const node of nodes2) {
    addKeys(walk.defined, node.vars);
    if (node.role)
      addRole(node.role, walk.defined);
    switch (node.kind) {
      case "task":
        collectTask(node, walk);
        break;
      case "block":
        collectNodes([...node.block, ...node.rescue, ...node.always], play, walk);
        break;
      case "include_tasks":
      case "include_role":
        walk.sites.push(node);
        if (node.loopControl)
          addLoopNames(node.loopControl, walk.defined);
        if (isTemplated(node.target))
          walk.unknowable = true;
        else
          collectIncluded(node, play, walk);
        break;
      case "meta":
        break;
    }
  }
}
function collectTask(task, walk) {
  walk.sites.push(task);
  if (task.register)
    walk.defined.add(task.register);
  if (task.loopControl)
    addLoopNames(task.loopControl, walk.defined);
  if (task.module === "set_fact") {
    for (const key of Object.keys(task.args))
      if (key !== "cacheable")
        walk.defined.add(key);
  }
}
function collectIncluded(node, play, walk) {
  if (node.kind === "include_tasks") {
    const path = isAbsolute6(node.target) ? node.target : resolve11(node.baseDir, node.target);
    const key2 = `${path}\0${node.role?.role.dir ?? ""}`;
    if (walk.seenFiles.has(key2))
      return;
    walk.seenFiles.add(key2);
    collectNodes(loadTaskFile(path, { role: node.role }), play, walk);
    return;
  }
  const instance = loadRole(node.target, { baseDir: play.baseDir, from: node.from, params: node.vars, at: node.at });
  const key = `${instance.role.dir}\0${JSON.stringify(node.from ?? {})}`;
  addRole(instance, walk.defined);
  if (walk.seenFiles.has(key))
    return;
  walk.seenFiles.add(key);
  collectNodes([...instance.role.tasks, ...instance.role.handlers], play, walk);
}
function checkSite(site, defined2) {
  const use = { read: /* @__PURE__ */ new Set(), guarded: /* @__PURE__ */ new Set() };
  const locals = /* @__PURE__ */ new Set();
  const template = (text2, bare) => {
    try {
      const { nodes: nodes2, locals: bound } = templateExpressions(text2, bare);
      for (const node of nodes2)
        collectNames(node, use);
      for (const name of bound)
        locals.add(name);
    } catch (error) {
      throw error instanceof CxError ? withPosition(error, site.at) : error;
    }
  };
  for (const condition of site.when)
    template(condition, true);
  forEachString(site.kind === "task" ? site.args : site.vars, (text2) => template(text2, false));
  forEachString(site.loop, (text2) => template(text2, false));
  forEachString(site.environment, (text2) => template(text2, false));
  if (site.delegateTo)
    template(site.delegateTo, false);
  if (site.kind === "task") {
    for (const expression of [...site.changedWhen ?? [], ...site.failedWhen ?? [], ...site.until ?? []])
      template(expression, true);
  }
  for (const name of use.read) {
    if (defined2.has(name) || use.guarded.has(name) || locals.has(name) || name.startsWith("ansible_"))
      continue;
    const suggestion = closest(name, defined2);
    const hint = `define '${name}' (inventory, vars, -e) or guard it with "| default(...)"${suggestion ? ` \u2014 did you mean '${suggestion}'?` : ""}`;
    throw new UndefinedVariableError(name, { at: site.at, hint });
  }
}
function forEachString(value2, visit2) {
  if (typeof value2 === "string") {
    if (isTemplated(value2))
      visit2(value2);
  } else if (Array.isArray(value2)) {
    for (const item of value2)
      forEachString(item, visit2);
  } else if (value2 && typeof value2 === "object") {
    for (const [key, item] of Object.entries(value2)) {
      forEachString(key, visit2);
      forEachString(item, visit2);
    }
  }
}
function addRole(instance, defined2) {
  addKeys(defined2, instance.role.defaults);
  addKeys(defined2, instance.role.vars);
  addKeys(defined2, instance.params);
}
function addLoopNames(control, defined2) {
  defined2.add(control.loopVar);
  if (control.indexVar)
    defined2.add(control.indexVar);
}
function addKeys(defined2, vars) {
  if (vars)
    for (const key of Object.keys(vars))
      defined2.add(key);
}

// dist/engine/cli/preflight.js
function preflight(options) {
  if (options.limit) {
    try {
      selectHosts(options.inventory, options.limit);
    } catch (error) {
      if (error instanceof CxError)
        throw new CxError(`--limit: ${error.message}`, { exitCode: ExitCode.badOptions, hint: error.hint });
      throw error;
    }
  }
  for (const play of options.playbook.plays) {
    if (!isTemplated(play.hosts)) {
      try {
        selectHosts(options.inventory, play.hosts);
      } catch (error) {
        throw error instanceof CxError ? withPosition(error, play.at) : error;
      }
    }
    checkNotifications(play);
    checkRoleArguments(play, options);
  }
  checkUndefinedVariables(options);
}
function checkNotifications(play) {
  const known = /* @__PURE__ */ new Set();
  for (const handler of play.handlers) {
    for (const topic of handler.listen)
      known.add(topic);
    if (handler.name) {
      known.add(handler.name);
      if (handler.role)
        known.add(`${handler.role.role.name} : ${handler.name}`);
    }
  }
  for (const task of moduleTasks([...play.preTasks, ...play.roles, ...play.tasks, ...play.postTasks, ...play.handlers])) {
    for (const name of task.notify) {
      if (!isTemplated(name) && !known.has(name)) {
        throw new CxError(`the handler '${name}' is not defined in this play`, {
          at: task.at,
          hint: `define a handler named '${name}' (or with listen: '${name}') under handlers:`
        });
      }
    }
  }
}
function* moduleTasks(nodes2) {
  for (const node of nodes2) {
    if (node.kind === "task")
      yield node;
    else if (node.kind === "block")
      yield* moduleTasks([...node.block, ...node.rescue, ...node.always]);
  }
}

// dist/engine/cli/execute.js
async function executeCommand(target, cli) {
  const cwd = process.cwd();
  const viewKind = chooseViewKind(cli.output, Boolean(process.stdout.isTTY));
  const playbook = target.kind === "playbook" ? loadPlaybook(resolve12(cwd, target.playbook)) : rolePlaybook(target.role, cli.hosts ?? "all", cwd);
  const inventory = loadInventory(resolve12(cwd, cli.inventory), { playbookDir: playbook.dir });
  const extraVars = parseExtraVars(cli.extraVars, cwd);
  const limit = cli.limit?.startsWith("@") ? `@${resolve12(cwd, cli.limit.slice(1))}` : cli.limit;
  const bus = new EventBus();
  const interrupt = new AbortController();
  setMaxListeners(0, interrupt.signal);
  const options = {
    playbook,
    inventory,
    check: cli.check,
    diff: cli.diff,
    limit,
    tags: cli.tags,
    skipTags: cli.skipTags,
    extraVars,
    forks: cli.forks,
    verbosity: cli.verbose,
    connection: {
      knownHostsFile: cli.knownHosts ? resolve12(cwd, cli.knownHosts) : join7(homedir2(), ".ssh", "known_hosts"),
      acceptNewHostKeys: cli.acceptNewHostKeys,
      connectTimeoutMs: cli.timeout === void 0 ? void 0 : cli.timeout * 1e3
    },
    taskTimeoutSeconds: cli.taskTimeout,
    retryFile: cli.retryFile ? resolve12(cwd, cli.retryFile) : void 0,
    bus,
    signal: interrupt.signal
  };
  preflight(options);
  if (cli.syntaxCheck) {
    process.stdout.write(`
playbook: ${playbook.file}
`);
    return ExitCode.ok;
  }
  if (cli.listHosts || cli.listTasks || cli.listTags) {
    printListing(options, { hosts: cli.listHosts, tasks: cli.listTasks, tags: cli.listTags });
    return ExitCode.ok;
  }
  return runWithView(options, interrupt, viewKind, cli);
}
async function runWithView(options, interrupt, viewKind, cli) {
  const stop = () => {
    if (!interrupt.signal.aborted)
      interrupt.abort();
  };
  const view = await createView(viewKind, {
    out: process.stdout,
    err: process.stderr,
    isTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.columns,
    rows: process.stdout.rows,
    verbosity: cli.verbose,
    diff: cli.diff,
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    playbookName: options.playbook.file,
    onInterrupt: stop
  });
  const unsubscribe = options.bus.subscribe((event) => view.handle(event));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  try {
    const outcome = await runPlaybook(options);
    if (cli.profile)
      printProfile(outcome.profile, outcome.execs, outcome.elapsedMs);
    return outcome.exitCode;
  } finally {
    unsubscribe();
    await view.close();
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}
function printProfile(profile, execs, elapsedMs) {
  const lines = [`
PROFILE (wall ${(elapsedMs / 1e3).toFixed(2)} s, ${execs} remote execs; phase times are summed over hosts)`];
  for (const [phase, entry] of Object.entries(profile.phases)) {
    lines.push(`  ${phase.padEnd(10)} ${(entry.totalMs / 1e3).toFixed(3).padStart(9)} s  ${String(entry.count).padStart(6)} calls`);
  }
  const tasks = Object.entries(profile.tasks).sort((a, b) => b[1].totalMs - a[1].totalMs);
  for (const [name, entry] of tasks.slice(0, 15)) {
    lines.push(`  ${(entry.totalMs / 1e3).toFixed(3).padStart(9)} s  ${String(entry.count).padStart(5)}x  ${String(entry.execs).padStart(6)} execs  ${name}`);
  }
  process.stderr.write(`${lines.join("\n")}
`);
}

// dist/engine/cli/program.js
async function runCli(argv, version) {
  let pending;
  const program2 = buildProgram(version, (promise) => {
    pending = promise;
  });
  try {
    await program2.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.badOptions;
    }
    throw error;
  }
  return pending ? await pending : ExitCode.ok;
}
function buildProgram(version, start) {
  const program2 = new Command("cxplay").description("Run idempotent, Ansible-style playbooks over SSH, concurrently, with a live view").version(`cxplay ${version}`, "-V, --version").exitOverride().configureOutput({ writeErr: (text2) => process.stderr.write(text2) }).showHelpAfterError("(run with --help for usage)");
  const run = withRunOptions(program2.command("run").description("run a playbook").argument("<playbook>", "playbook file (YAML)").exitOverride());
  run.action((playbook, options) => start(guarded(() => executeCommand({ kind: "playbook", playbook }, options))));
  const role = withRunOptions(program2.command("role").description("apply one role to the inventory hosts (narrow them with --limit)").argument("<name>", "role name (from roles/) or path").option("--hosts <pattern>", "host pattern the role is applied to", "all").exitOverride());
  role.action((name, options) => start(guarded(() => executeCommand({ kind: "role", role: name }, options))));
  return program2;
}
function withRunOptions(command) {
  return command.requiredOption("-i, --inventory <file>", "inventory file (Ansible YAML format)").option("-C, --check", "don't change anything; predict what would change", false).option("-D, --diff", "show the differences in files and state", false).option("-l, --limit <pattern>", "limit to hosts matching this pattern (or @retry-file)").option("-t, --tags <tags>", "only run tasks with these tags (comma-separated)", collect, []).option("--skip-tags <tags>", "skip tasks with these tags (comma-separated)", collect, []).option("-e, --extra-vars <vars>", "extra variables: k=v, JSON/YAML mapping, or @file", repeat, []).option("-f, --forks <n>", "hosts worked on at once", positiveInt, 50).addOption(new Option("-o, --output <kind>", "live view: tui, plain or json (default: tui on a terminal, else plain)")).option("-v, --verbose", "more detail (-vv, -vvv)", (_value, previous) => previous + 1, 0).option("--known-hosts <file>", "known_hosts file used to check host keys (default ~/.ssh/known_hosts)").option("--accept-new-host-keys", "accept and remember host keys not yet known (a changed key is always refused)", false).option("-T, --timeout <seconds>", "SSH connect timeout", positiveInt).option("--task-timeout <seconds>", "end any task running longer than this", positiveInt).option("--retry-file <file>", "write failed and unreachable hosts here (for --limit @file)").option("--syntax-check", "check the playbook and exit", false).option("--list-hosts", "list the hosts each play would run on and exit", false).option("--list-tasks", "list the tasks each play would run and exit", false).option("--list-tags", "list the tags of each play and exit", false).option("--profile", "print where the time went (connect, render, exec, per task)", false);
}
function collect(value2, previous) {
  return [...previous, ...value2.split(",").map((tag) => tag.trim()).filter(Boolean)];
}
function repeat(value2, previous) {
  return [...previous, value2];
}
function positiveInt(value2) {
  const number2 = Number(value2);
  if (!Number.isInteger(number2) || number2 < 1)
    throw new InvalidArgumentError("expected a whole number of at least 1");
  return number2;
}
async function guarded(work) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CxError) {
      process.stderr.write(`ERROR! ${error.describe()}
`);
      return error.exitCode;
    }
    const verbose = process.argv.some((arg) => /^-v{3,}$/.test(arg));
    process.stderr.write(`ERROR! unexpected error: ${error instanceof Error ? verbose ? error.stack : error.message : String(error)}
`);
    return ExitCode.error;
  }
}
export {
  runCli
};
