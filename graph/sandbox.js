// The sandbox kg sets up in the JavaScript runtime of every Gizmo script
// before the script runs (graph/sandbox.go). It is a function of the global
// object and of `check`, a Go function that throws when a text given to
// eval, Function, JSON.parse or RegExp is too large or nests too deeply for
// goja to compile safely.
//
// 1. Gizmo's graph object, its paths and its value functions are wrapped so
//    that arguments of the wrong type raise a TypeError in the script:
//    Gizmo 0.7.7 and goja panic in Go on some values (a String object, a
//    plain object as a predicate, a number among tag names). The real paths
//    stay hidden in their wrappers, so a script cannot hand Gizmo anything
//    unchecked; Go recovers whatever panic remains (sandbox.go).
// 2. Every built-in function that is not a constructor is replaced by a
//    JavaScript function calling it. A script can make goja's built-ins
//    call each other without end (o.toString = String.prototype.concat;
//    String(o)) or walk a deeply nested value (String of an array nested a
//    million deep); the Go stack then overflows, which ends the process. With
//    the wrappers, every such recursion passes through JavaScript, where
//    goja checks for interruption, and kg stops the script when its stack
//    grows too large.
// 3. eval, Function, JSON.parse and RegExp (also through String's match and
//    search) check their text first; JSON.stringify goes through a replacer
//    function, so its recursion passes through JavaScript too.
(function (global, check) {
	var FunctionProto = Function.prototype;
	var uncurry = FunctionProto.bind.bind(FunctionProto.call);
	var applyFn = uncurry(FunctionProto.apply); // applyFn(f, this, args)
	var fnSource = uncurry(FunctionProto.toString);
	var tagOf = uncurry(Object.prototype.toString);
	var hasOwn = uncurry(Object.prototype.hasOwnProperty);
	var push = uncurry(Array.prototype.push);
	var indexOf = uncurry(Array.prototype.indexOf);
	var shift = uncurry(Array.prototype.shift);
	var toLower = uncurry(String.prototype.toLowerCase);
	var stringValue = uncurry(String.prototype.valueOf);
	var numberValue = uncurry(Number.prototype.valueOf);
	var booleanValue = uncurry(Boolean.prototype.valueOf);
	var strIndexOf = uncurry(String.prototype.indexOf);
	var ownNames = Object.getOwnPropertyNames;
	var describe = Object.getOwnPropertyDescriptor;
	var define = Object.defineProperty;
	var create = Object.create;
	var freeze = Object.freeze;
	var isExtensible = Object.isExtensible;
	var keys = Object.keys;
	var isArray = Array.isArray;
	var toStr = String;

	// 1. Gizmo.
	var realGraph = global.graph;
	var secret = {};
	var made = [];
	function remember(v) {
		if (v !== null && typeof v === "object") {
			if (made.length >= 4096) { shift(made); }
			push(made, v);
		}
		return v;
	}
	function isGoPath(x) {
		return x !== null && typeof x === "object" && !isExtensible(x) &&
			typeof x.all === "function" && typeof x.out === "function" && tagOf(x) === "[object Object]";
	}
	function fail(name, what) { throw new TypeError(name + ": " + what); }
	function realPath(w) {
		if (w === null || typeof w !== "object" || !hasOwn(w, "__kgPath")) { return null; }
		var real = w.__kgPath(secret);
		return isGoPath(real) ? real : null;
	}
	function isText(x) {
		if (typeof x === "string") { return true; }
		if (isArray(x)) { for (var i = 0; i < x.length; i++) { if (typeof x[i] !== "string") { return false; } } return true; }
		return false;
	}
	// plain turns an argument into a value Gizmo can take: wrapped paths
	// into the real ones, String, Number and Boolean objects into their
	// values, arrays and objects into fresh copies (goja cannot export
	// frozen ones), and functions into ones called on the path wrapper.
	function plain(name, a, depth, self) {
		if (depth > 64) { fail(name, "argument nested too deeply (or cyclic)"); }
		if (typeof a === "function") {
			var f = a;
			return function () { return applyFn(f, self, arguments); };
		}
		if (a === null || typeof a !== "object") { return a; }
		if (a === graphWrapper) { return realGraph; }
		if (hasOwn(a, "__kgPath")) {
			var real = realPath(a);
			if (real === null) { fail(name, "not a path"); }
			return real;
		}
		var kind = tagOf(a);
		if (kind === "[object Date]" || indexOf(made, a) >= 0) { return a; }
		try {
			if (kind === "[object String]") { return stringValue(a); }
			if (kind === "[object Number]") { return numberValue(a); }
			if (kind === "[object Boolean]") { return booleanValue(a); }
		} catch (e) {
			fail(name, "unsupported value " + kind);
		}
		var out, i;
		if (isArray(a)) {
			out = [];
			for (i = 0; i < a.length; i++) { push(out, plain(name, a[i], depth + 1, self)); }
			return out;
		}
		out = {};
		var ks = keys(a);
		for (i = 0; i < ks.length; i++) { out[ks[i]] = plain(name, a[ks[i]], depth + 1, self); }
		return out;
	}
	function plainArgs(name, list, self) {
		var args = [];
		for (var i = 0; i < list.length; i++) { push(args, plain(name, list[i], 0, self)); }
		return args;
	}
	function isVia(x, nested) {
		var t = typeof x;
		if (t === "string" || t === "number" || t === "boolean") { return true; }
		if (x === null || t !== "object") { return false; }
		if (isGoPath(x) || tagOf(x) === "[object Date]" || indexOf(made, x) >= 0) { return true; }
		if (isArray(x) && !nested) { for (var i = 0; i < x.length; i++) { if (!isVia(x[i], true)) { return false; } } return true; }
		return false;
	}
	var viaMethods = { in: 1, out: 1, both: 1, followrecursive: 1, labelcontext: 1 };
	var pathArgMethods = { follow: 1, followr: 1, and: 1, intersect: 1, union: 1, or: 1, except: 1, difference: 1 };
	function checkArgs(name, args) {
		var lower = toLower(name);
		if (viaMethods[lower]) {
			var first = args[0];
			if (args.length > 0 && !(first === undefined || first === null) && !isVia(first, false)) {
				fail(name, "expected a predicate (IRI string), a path, or an array of them");
			}
			var from = 1;
			if (lower === "followrecursive" && typeof args[1] === "number") { from = 2; }
			for (var i = from; i < args.length; i++) { if (!isText(args[i])) { fail(name, "tag names must be strings"); } }
		}
		if (pathArgMethods[lower]) {
			for (var j = 0; j < args.length; j++) { if (!isGoPath(args[j])) { fail(name, "expected a path (g.V(...) or g.M())"); } }
		}
	}
	function fromGo(r) { return isGoPath(r) ? wrap(r) : remember(r); }
	var pathProto = {};
	var methodNames = ownNames(realGraph.M());
	for (var m = 0; m < methodNames.length; m++) {
		(function (name) {
			pathProto[name] = function () {
				var real = realPath(this);
				if (real === null) { fail(name, "called on something that is not a path"); }
				var args = plainArgs(name, arguments, this);
				checkArgs(name, args);
				return fromGo(applyFn(real[name], real, args));
			};
		})(methodNames[m]);
	}
	freeze(pathProto);
	function wrap(real) {
		var w = create(pathProto);
		define(w, "__kgPath", { value: function (key) { return key === secret ? real : undefined; } });
		return w;
	}
	var graphWrapper = {};
	var graphNames = ownNames(realGraph);
	for (var n = 0; n < graphNames.length; n++) {
		(function (name) {
			var f = realGraph[name];
			if (typeof f !== "function") { return; }
			graphWrapper[name] = function () { return fromGo(applyFn(f, realGraph, plainArgs(name, arguments, graphWrapper))); };
		})(graphNames[n]);
	}
	global.graph = graphWrapper;
	global.g = graphWrapper;
	var valueFunctions = { iri: 1, bnode: 1, raw: 1, str: 1, lang: 2, typed: 2, lt: 0, lte: 0, gt: 0, gte: 0, regex: 0, like: 0 };
	var valueNames = keys(valueFunctions);
	for (var v = 0; v < valueNames.length; v++) {
		(function (name) {
			var f = global[name];
			if (typeof f !== "function") { return; }
			var text = valueFunctions[name];
			global[name] = function () {
				var args = plainArgs(name, arguments, undefined);
				if (text) {
					if (args.length !== text) { fail(name, "expected " + text + " string argument(s), got " + args.length); }
					for (var i = 0; i < args.length; i++) { if (typeof args[i] !== "string") { fail(name, "expected a string"); } }
				}
				return remember(applyFn(f, undefined, args));
			};
		})(valueNames[v]);
	}

	// 3. Texts that goja compiles or parses recursively.
	var OrigFunction = Function, origEval = global.eval, origParse = JSON.parse, origStringify = JSON.stringify;
	var OrigRegExp = RegExp;
	global.eval = function (src) {
		if (typeof src === "string") { check("eval", src); }
		return origEval(src);
	};
	var SafeFunction = function () {
		var args = [];
		for (var i = 0; i < arguments.length; i++) { push(args, toStr(arguments[i])); check("Function", args[i]); }
		return applyFn(OrigFunction, this, args);
	};
	SafeFunction.prototype = FunctionProto;
	define(FunctionProto, "constructor", { value: SafeFunction, writable: true, configurable: true });
	global.Function = SafeFunction;
	var SafeRegExp = function (pattern, flags) {
		if (pattern !== null && typeof pattern === "object" && tagOf(pattern) === "[object RegExp]") {
			return flags === undefined ? new OrigRegExp(pattern) : new OrigRegExp(pattern, flags);
		}
		pattern = pattern === undefined ? "" : toStr(pattern);
		check("RegExp", pattern);
		return flags === undefined ? new OrigRegExp(pattern) : new OrigRegExp(pattern, flags);
	};
	SafeRegExp.prototype = OrigRegExp.prototype;
	define(OrigRegExp.prototype, "constructor", { value: SafeRegExp, writable: true, configurable: true });
	global.RegExp = SafeRegExp;
	function patternArg(p) {
		if (p !== null && typeof p === "object" && tagOf(p) === "[object RegExp]") { return p; }
		return new SafeRegExp(p);
	}
	var origMatch = String.prototype.match, origSearch = String.prototype.search;
	String.prototype.match = function (p) { return applyFn(origMatch, this, [patternArg(p)]); };
	String.prototype.search = function (p) { return applyFn(origSearch, this, [patternArg(p)]); };
	JSON.parse = function (text, reviver) {
		text = toStr(text);
		check("JSON.parse", text);
		return reviver === undefined ? origParse(text) : origParse(text, reviver);
	};
	JSON.stringify = function (value, replacer, space) {
		var r = replacer;
		if (typeof r !== "function") {
			var allowed = null;
			if (isArray(r)) {
				allowed = {};
				for (var i = 0; i < r.length; i++) {
					var t = typeof r[i];
					if (t === "string" || t === "number" || tagOf(r[i]) === "[object String]" || tagOf(r[i]) === "[object Number]") { allowed[toStr(r[i])] = true; }
				}
			}
			r = function (k, v) { return allowed === null || k === "" || isArray(this) || hasOwn(allowed, k) ? v : undefined; };
		}
		return origStringify(value, r, space);
	};

	// 2. Every other built-in function, found from the global object.
	var seen = [];
	var queue = [global];
	function wrapNative(f) {
		return function () { return applyFn(f, this, arguments); };
	}
	function isConstructor(f) {
		var p = describe(f, "prototype");
		return p !== undefined && p.value !== null && typeof p.value === "object";
	}
	while (queue.length > 0) {
		var obj = shift(queue);
		if (indexOf(seen, obj) >= 0) { continue; }
		push(seen, obj);
		var names = ownNames(obj);
		for (var k = 0; k < names.length; k++) {
			var d = describe(obj, names[k]);
			if (d === undefined || !("value" in d)) { continue; }
			var x = d.value;
			if (typeof x === "function") {
				if (isConstructor(x)) {
					push(queue, x);
					push(queue, x.prototype);
				} else if (d.writable && strIndexOf(fnSource(x), "[native code]") >= 0) {
					define(obj, names[k], { value: wrapNative(x), writable: true, enumerable: d.enumerable, configurable: d.configurable });
				}
			} else if (x !== null && typeof x === "object") {
				push(queue, x);
			}
		}
	}
})
