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
            int retry = b->failed_pending && b->failed_ptr == ptr && b->failed_osize == osize && b->failed_nsize == nsize;
            if (retry && b->stop_reason == TK_STOP_NONE) b->stop_reason = TK_STOP_MEMORY;
            b->failed_pending = 1;
            b->failed_ptr = ptr;
            b->failed_osize = osize;
            b->failed_nsize = nsize;
            return NULL; /* Lua collects and retries once, then raises a memory error in its own protected call */
        }
        b->memory_exceeded = 1; /* failing now would longjmp through Swift: fail on return instead */
    }
    void *p = realloc(ptr, nsize);
    if (p) {
        b->bytes_used = b->bytes_used - old + nsize;
        b->failed_pending = 0;
    }
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

void tk_close(lua_State *L, tk_budget *budget) {
    __atomic_store_n(&budget->closing, 1, __ATOMIC_RELEASE);
    tk_set_active(budget, 1);
    lua_close(L);
    tk_set_active(budget, -1);
}

static const char *stop_message(tk_budget *b) {
    switch (b->stop_reason) {
    case TK_STOP_MEMORY: return "not enough memory (the script passed its memory limit; raise it with --max-memory)";
    case TK_STOP_INSTRUCTIONS: return "instruction limit exceeded (raise it with --max-instructions)";
    case TK_STOP_TIME: return "time limit exceeded (raise it with --timeout)";
    case TK_STOP_INTERRUPT: return "script interrupted";
    case TK_STOP_SLICE_TIME: return b->slice_message[0] ? b->slice_message : "time limit of this call exceeded";
    default: return "script stopped";
    }
}

/* pcall and xpcall that catch errors, but not a limit: once a limit fired (or memory ran out for
   good) the error goes on up, so a script cannot catch its way past its budget. */
static int finish_protected(lua_State *L, int status, lua_KContext extra) {
    if (status != LUA_OK && status != LUA_YIELD) {
        tk_budget *b = budget_of(L);
        if (status == LUA_ERRMEM && b->stop_reason == TK_STOP_NONE) b->stop_reason = TK_STOP_MEMORY;
        if (status == LUA_ERRMEM) {
            /* the failed allocations are garbage now: there is room to say where the script was */
            lua_pop(L, 1);
            luaL_where(L, 1);
            lua_pushstring(L, stop_message(b));
            lua_concat(L, 2);
        }
        if (b->stop_reason != TK_STOP_NONE) return lua_error(L);
        lua_pushboolean(L, 0);
        lua_pushvalue(L, -2);
        return 2;
    }
    return lua_gettop(L) - (int)extra;
}

static int limited_pcall(lua_State *L) {
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1); /* the first result when the call succeeds */
    lua_insert(L, 1);
    int status = lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0, finish_protected);
    return finish_protected(L, status, 0);
}

/* xpcall's message handler, guarded: Lua calls a handler before unwinding, and for an error raised
   by the limit hook it does so with hooks still off, so a handler that loops could not be stopped.
   Once a limit fired the handler is skipped and the error goes on as it is. */
static int guarded_handler(lua_State *L) {
    if (budget_of(L)->stop_reason != TK_STOP_NONE) return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int limited_xpcall(lua_State *L) {
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, guarded_handler, 1);
    lua_replace(L, 2);
    lua_pushboolean(L, 1);  /* the first result when the call succeeds */
    lua_pushvalue(L, 1);    /* the function */
    lua_rotate(L, 3, 2);    /* stack: f, handler, true, f, args... */
    int status = lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, finish_protected);
    return finish_protected(L, status, 2);
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
    lua_pushcfunction(L, limited_pcall); lua_setglobal(L, "pcall");
    lua_pushcfunction(L, limited_xpcall); lua_setglobal(L, "xpcall");
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
    if (b->closing) {
        /* a finalizer run by lua_close: the Swift objects behind the functions may be gone */
        lua_pushliteral(L, "toolkit functions cannot be called while the script ends (from a __gc finalizer)");
        return lua_error(L);
    }
    if (b->stop_reason != TK_STOP_NONE) {
        luaL_where(L, 1);
        lua_pushstring(L, stop_message(b));
        lua_concat(L, 2);
        return lua_error(L);
    }
    void *box = lua_touserdata(L, lua_upvalueindex(1));
    b->swift_depth++;
    int n = g_dispatch(L, box);
    b->swift_depth--;
    /* time in Swift (waiting for the next article, say) is not time the hook failed to run */
    double now = tk_monotonic_seconds();
    __atomic_store(&b->last_hook, &now, __ATOMIC_RELEASE);
    /* what Swift held is released by now: only a heap still over the limit counts */
    if (b->memory_exceeded && b->bytes_limit && b->bytes_used <= b->bytes_limit) b->memory_exceeded = 0;
    if (b->memory_exceeded && b->swift_depth == 0) {
        b->memory_exceeded = 0;
        b->stop_reason = TK_STOP_MEMORY;
        lua_pushstring(L, stop_message(b));
        return lua_error(L);
    }
    if (__atomic_load_n(&b->interrupt, __ATOMIC_RELAXED) && b->stop_reason == TK_STOP_NONE) {
        /* interrupted while Swift ran (waiting for the next article, say): no result reaches the script */
        b->stop_reason = TK_STOP_INTERRUPT;
        luaL_where(L, 1);
        lua_pushstring(L, stop_message(b));
        lua_concat(L, 2);
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
    double now = tk_monotonic_seconds();
    __atomic_store(&b->last_hook, &now, __ATOMIC_RELEASE);
    tk_set_active(b, 1);
    int status = lua_pcall(L, nargs, nresults, base);
    tk_set_active(b, -1);
    b->swift_depth = depth;
    lua_remove(L, base);
    return status;
}

static int tostring_protected(lua_State *L) {
    luaL_tolstring(L, 1, NULL);
    return 1;
}

int tk_tostring(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_pushcfunction(L, tostring_protected);
    lua_pushvalue(L, idx);
    return tk_pcall(L, 1, 1);
}

int tk_loadtext(lua_State *L, const char *buff, size_t size, const char *chunkname) {
    return luaL_loadbufferx(L, buff, size, chunkname, "t");
}

typedef struct { char *data; size_t length, capacity; int failed; } dump_buffer;

static int dump_writer(lua_State *L, const void *p, size_t size, void *ud) {
    (void)L;
    dump_buffer *b = (dump_buffer *)ud;
    if (b->length + size > b->capacity) {
        size_t capacity = b->capacity ? b->capacity * 2 : 4096;
        while (capacity < b->length + size) capacity *= 2;
        char *grown = realloc(b->data, capacity);
        if (!grown) { b->failed = 1; return 1; }
        b->data = grown;
        b->capacity = capacity;
    }
    memcpy(b->data + b->length, p, size);
    b->length += size;
    return 0;
}

int tk_dump_function(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    if (!lua_isfunction(L, idx) || lua_iscfunction(L, idx)) return -1;
    dump_buffer buffer = {0};
    lua_pushvalue(L, idx);
    int status = lua_dump(L, dump_writer, &buffer, 0);
    lua_pop(L, 1);
    if (status == 0 && !buffer.failed) lua_pushlstring(L, buffer.data, buffer.length);
    free(buffer.data);
    return status ? status : buffer.failed;
}

int tk_load_dumped(lua_State *L, const char *buff, size_t size, const char *chunkname) {
    return luaL_loadbufferx(L, buff, size, chunkname, "b");
}

double tk_monotonic_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#define TK_HOOK_STEP 1000
/* Where the script is gets noted every this many hook calls: often enough for the watchdog's
   message, rarely enough to cost nothing measurable. */
#define TK_WHERE_EVERY 64

static void limit_hook(lua_State *L, lua_Debug *ar);

/* A limit is final until the host re-arms the budget: from now on the hook fires at every
   instruction of this thread and the main thread, and pcall passes the error on. */
static void stop(lua_State *L, tk_budget *b, int reason) {
    b->stop_reason = reason;
    lua_sethook(L, limit_hook, LUA_MASKCOUNT, 1);
    lua_State *main = NULL;
    if (lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_MAINTHREAD) == LUA_TTHREAD) main = lua_tothread(L, -1);
    lua_pop(L, 1);
    if (main && main != L) lua_sethook(main, limit_hook, LUA_MASKCOUNT, 1);
    /* level 0: the Lua function that was running when the hook fired */
    luaL_where(L, 0);
    lua_pushstring(L, stop_message(b));
    lua_concat(L, 2);
    lua_error(L);
}

static void limit_hook(lua_State *L, lua_Debug *ar) {
    tk_budget *b = budget_of(L);
    int step = lua_gethookcount(L);
    if (__atomic_load_n(&b->interrupt, __ATOMIC_RELAXED)) stop(L, b, TK_STOP_INTERRUPT);
    if (b->stop_reason != TK_STOP_NONE) stop(L, b, b->stop_reason);
    if (b->instructions_left >= 0) {
        b->instructions_left -= step;
        if (b->instructions_left < 0) stop(L, b, TK_STOP_INSTRUCTIONS);
    }
    double now = tk_monotonic_seconds();
    __atomic_store(&b->last_hook, &now, __ATOMIC_RELEASE);
    if (b->deadline > 0 || b->slice_deadline > 0) {
        if (b->deadline > 0 && now > b->deadline) stop(L, b, TK_STOP_TIME);
        if (b->slice_deadline > 0 && now > b->slice_deadline) stop(L, b, TK_STOP_SLICE_TIME);
    }
    if (b->hook_calls++ % TK_WHERE_EVERY == 0 && lua_getinfo(L, "Sl", ar)) {
        strncpy(b->last_source, ar->short_src, sizeof b->last_source - 1);
        b->last_source[sizeof b->last_source - 1] = 0;
        b->last_line = ar->currentline;
    }
    /* a thread stopped before the budget was re-armed still fires at every instruction */
    if (step != TK_HOOK_STEP) lua_sethook(L, limit_hook, LUA_MASKCOUNT, TK_HOOK_STEP);
}

/* The hook is always armed: `interrupt` must work even without instruction or time limits. */
void tk_arm_limits(lua_State *L) {
    tk_budget *b = budget_of(L);
    b->stop_reason = TK_STOP_NONE;
    b->memory_exceeded = 0;
    b->failed_pending = 0;
    lua_sethook(L, limit_hook, LUA_MASKCOUNT, TK_HOOK_STEP);
}

tk_watch tk_watch_read(const tk_budget *b) {
    tk_watch w;
    double deadline, slice;
    w.active = __atomic_load_n(&b->active, __ATOMIC_ACQUIRE);
    w.interrupt = __atomic_load_n(&b->interrupt, __ATOMIC_ACQUIRE);
    __atomic_load(&b->interrupt_at, &w.interrupt_at, __ATOMIC_ACQUIRE);
    __atomic_load(&b->deadline, &deadline, __ATOMIC_ACQUIRE);
    __atomic_load(&b->slice_deadline, &slice, __ATOMIC_ACQUIRE);
    w.slice = slice > 0 && (deadline <= 0 || slice <= deadline);
    w.counting = b->instructions_left >= 0;
    w.closing = __atomic_load_n(&b->closing, __ATOMIC_RELAXED);
    w.in_swift = __atomic_load_n(&b->swift_depth, __ATOMIC_RELAXED) > 0;
    __atomic_load(&b->last_hook, &w.last_hook, __ATOMIC_ACQUIRE);
    w.deadline = w.slice ? slice : deadline;
    return w;
}

void tk_set_interrupt(tk_budget *b, double now) {
    __atomic_store(&b->interrupt_at, &now, __ATOMIC_RELEASE);
    __atomic_store_n(&b->interrupt, 1, __ATOMIC_RELEASE);
}

void tk_clear_interrupt(tk_budget *b) {
    __atomic_store_n(&b->interrupt, 0, __ATOMIC_RELEASE);
    double never = 0;
    __atomic_store(&b->interrupt_at, &never, __ATOMIC_RELEASE);
}

void tk_set_deadlines(tk_budget *b, double deadline, double slice_deadline) {
    __atomic_store(&b->deadline, &deadline, __ATOMIC_RELEASE);
    __atomic_store(&b->slice_deadline, &slice_deadline, __ATOMIC_RELEASE);
}

void tk_set_active(tk_budget *b, int delta) {
    __atomic_add_fetch(&b->active, delta, __ATOMIC_ACQ_REL);
}

int tk_registryindex(void) { return LUA_REGISTRYINDEX; }
int tk_upvalueindex(int i) { return lua_upvalueindex(i); }
void tk_pop(lua_State *L, int n) { lua_pop(L, n); }
void tk_newtable(lua_State *L) { lua_newtable(L); }
void tk_insert(lua_State *L, int idx) { lua_insert(L, idx); }
void tk_remove(lua_State *L, int idx) { lua_remove(L, idx); }
void tk_replace(lua_State *L, int idx) { lua_replace(L, idx); }
void tk_gc_collect(lua_State *L) { lua_gc(L, LUA_GCCOLLECT); }
