#include "tkshim.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <stdio.h>

/* Why this file exists: liblua raises errors with longjmp. A longjmp that crosses a Swift frame skips
   its cleanups (releases, defers) and is undefined behaviour, so every path that may raise runs here,
   in C: Swift callbacks only report failure and this trampoline raises after they returned. */

static tk_dispatch_fn g_dispatch;
static tk_release_fn g_release;

void tk_set_callbacks(tk_dispatch_fn dispatch, tk_release_fn release) {
    g_dispatch = dispatch;
    g_release = release;
}

static tk_budget *budget_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (tk_budget *)ud;
}

static void *tk_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    tk_budget *b = (tk_budget *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        b->bytes_used -= old;
        return NULL;
    }
    if (b->bytes_limit && nsize > old && b->bytes_used + (nsize - old) > b->bytes_limit) {
        if (b->swift_depth == 0) {
            b->stop_reason = TK_STOP_MEMORY;
            return NULL; /* Lua raises a memory error inside its own protected call */
        }
        b->memory_exceeded = 1; /* failing now would longjmp through Swift: fail on return instead */
    }
    void *p = realloc(ptr, nsize);
    if (p) b->bytes_used = b->bytes_used - old + nsize;
    return p;
}

static int tk_panic(lua_State *L) {
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "toolkit: unprotected Lua error (a bug in toolkit, please report): %s\n", msg ? msg : "?");
    abort();
}

lua_State *tk_newstate(tk_budget *budget) {
    lua_State *L = lua_newstate(tk_alloc, budget);
    if (L) lua_atpanic(L, tk_panic);
    return L;
}

static int tk_text_load(lua_State *L) {
    /* load(chunk [, chunkname [, mode [, env]]]) with mode forced to "t"; an absent env stays absent */
    int n = lua_gettop(L);
    if (n < 3) lua_settop(L, 3);
    lua_pushliteral(L, "t");
    lua_replace(L, 3);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n < 3 ? 3 : n, LUA_MULTRET);
    return lua_gettop(L);
}

static int open_safe_libs(lua_State *L) {
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 1);
    lua_settop(L, 0);
    lua_pushnil(L); lua_setglobal(L, "dofile");
    lua_pushnil(L); lua_setglobal(L, "loadfile");
    lua_getglobal(L, "load");
    lua_pushcclosure(L, tk_text_load, 1);
    lua_setglobal(L, "load");
    /* string.dump makes bytecode, which nothing here may load */
    lua_getglobal(L, LUA_STRLIBNAME);
    lua_pushnil(L); lua_setfield(L, -2, "dump");
    lua_pop(L, 1);
    return 0;
}

int tk_open_safe_libs(lua_State *L) {
    lua_pushcfunction(L, open_safe_libs);
    return tk_pcall(L, 0, 0);
}

static int box_gc(lua_State *L) {
    void *box = lua_touserdata(L, 1);
    if (box && g_release) g_release(box);
    return 0;
}

void tk_boxmetatable(lua_State *L, const char *tname) {
    if (luaL_newmetatable(L, tname)) {
        lua_pushcfunction(L, box_gc);
        lua_setfield(L, -2, "__gc");
        /* scripts may not read or replace it (calling __gc by hand would free a live object) */
        lua_pushliteral(L, "locked");
        lua_setfield(L, -2, "__metatable");
        lua_pushboolean(L, 1);
        lua_setfield(L, -2, "__toolkit_box");
    }
}

void *tk_newbox(lua_State *L, size_t size, const char *tname) {
    void *box = lua_newuserdatauv(L, size, 0);
    memset(box, 0, size);
    tk_boxmetatable(L, tname);
    lua_setmetatable(L, -2);
    return box;
}

void **tk_extraspace(lua_State *L) { return (void **)lua_getextraspace(L); }

static int trampoline(lua_State *L) {
    tk_budget *b = budget_of(L);
    void *box = lua_touserdata(L, lua_upvalueindex(1));
    b->swift_depth++;
    int n = g_dispatch(L, box);
    b->swift_depth--;
    if (b->memory_exceeded && b->swift_depth == 0) {
        b->memory_exceeded = 0;
        b->stop_reason = TK_STOP_MEMORY;
        lua_pushliteral(L, "not enough memory (the script passed its memory limit)");
        return lua_error(L);
    }
    if (n == TK_RAISE_WITH_WHERE) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
        return lua_error(L);
    }
    if (n == TK_RAISE_AS_IS) return lua_error(L);
    return n;
}

void tk_pushswiftclosure(lua_State *L) {
    lua_pushcclosure(L, trampoline, 1);
}

static int message_handler(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

int tk_pcall(lua_State *L, int nargs, int nresults) {
    tk_budget *b = budget_of(L);
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, message_handler);
    lua_insert(L, base);
    int depth = b->swift_depth;
    b->swift_depth = 0;
    int status = lua_pcall(L, nargs, nresults, base);
    b->swift_depth = depth;
    lua_remove(L, base);
    return status;
}

int tk_loadtext(lua_State *L, const char *buff, size_t size, const char *chunkname) {
    return luaL_loadbufferx(L, buff, size, chunkname, "t");
}

double tk_monotonic_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#define TK_HOOK_STEP 1000

static void limit_hook(lua_State *L, lua_Debug *ar);

/* A limit is final: from now on the hook fires at every instruction of every thread, so a script
   that catches the error with pcall cannot run on. */
static void stop(lua_State *L, tk_budget *b, int reason, const char *message) {
    b->stop_reason = reason;
    lua_sethook(L, limit_hook, LUA_MASKCOUNT, 1);
    lua_State *main = NULL;
    if (lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_MAINTHREAD) == LUA_TTHREAD) main = lua_tothread(L, -1);
    lua_pop(L, 1);
    if (main && main != L) lua_sethook(main, limit_hook, LUA_MASKCOUNT, 1);
    /* level 0: the Lua function that was running when the hook fired */
    luaL_where(L, 0);
    lua_pushstring(L, message);
    lua_concat(L, 2);
    lua_error(L);
}

static void limit_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    tk_budget *b = budget_of(L);
    if (b->interrupt) stop(L, b, TK_STOP_INTERRUPT, "script interrupted");
    if (b->stop_reason == TK_STOP_INSTRUCTIONS)
        stop(L, b, TK_STOP_INSTRUCTIONS, "instruction limit exceeded (raise it with --max-instructions)");
    if (b->stop_reason == TK_STOP_TIME) stop(L, b, TK_STOP_TIME, "time limit exceeded (raise it with --timeout)");
    if (b->instructions_left >= 0) {
        b->instructions_left -= TK_HOOK_STEP;
        if (b->instructions_left < 0)
            stop(L, b, TK_STOP_INSTRUCTIONS, "instruction limit exceeded (raise it with --max-instructions)");
    }
    if (b->deadline > 0 && tk_monotonic_seconds() > b->deadline)
        stop(L, b, TK_STOP_TIME, "time limit exceeded (raise it with --timeout)");
}

/* The hook is always armed: `interrupt` must work even without instruction or time limits. */
void tk_arm_limits(lua_State *L) {
    lua_sethook(L, limit_hook, LUA_MASKCOUNT, TK_HOOK_STEP);
}

int tk_registryindex(void) { return LUA_REGISTRYINDEX; }
int tk_upvalueindex(int i) { return lua_upvalueindex(i); }
void tk_pop(lua_State *L, int n) { lua_pop(L, n); }
void tk_newtable(lua_State *L) { lua_newtable(L); }
void tk_insert(lua_State *L, int idx) { lua_insert(L, idx); }
void tk_remove(lua_State *L, int idx) { lua_remove(L, idx); }
void tk_replace(lua_State *L, int idx) { lua_replace(L, idx); }
void tk_gc_collect(lua_State *L) { lua_gc(L, LUA_GCCOLLECT); }
