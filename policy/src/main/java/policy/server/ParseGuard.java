package policy.server;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Request parsing that never fails inside gRPC. The stock marshaller stops at 100 nested messages
 * (about 33 levels of JSON objects) and turns any parse error into an opaque status; here the limit is
 * raised, and a request that still cannot be parsed is delivered as an empty message carrying the
 * error in a reserved unknown field, which {@link #check} turns into INVALID_ARGUMENT.
 */
final class ParseGuard {
    /** Nested protobuf messages accepted per request; a JSON object level costs three (Value, Struct, map entry). */
    static final int RECURSION_LIMIT = 1000;
    private static final int ERROR_FIELD = 536_870_000;

    private ParseGuard() {
    }

    static ServerServiceDefinition guard(ServerServiceDefinition service) {
        ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(service.getServiceDescriptor().getName());
        for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
            b.addMethod(guard(method));
        }
        return b.build();
    }

    private static <Q, R> ServerMethodDefinition<Q, R> guard(ServerMethodDefinition<Q, R> method) {
        MethodDescriptor<Q, R> descriptor = method.getMethodDescriptor();
        @SuppressWarnings("unchecked")
        Q prototype = ((MethodDescriptor.PrototypeMarshaller<Q>) descriptor.getRequestMarshaller()).getMessagePrototype();
        MethodDescriptor<Q, R> guarded = descriptor.toBuilder(new Marshaller<>(prototype), descriptor.getResponseMarshaller()).build();
        return ServerMethodDefinition.create(guarded, method.getServerCallHandler());
    }

    /** Throws INVALID_ARGUMENT if the request could not be parsed. */
    static void check(Message request) {
        UnknownFieldSet unknown = request.getUnknownFields();
        if (unknown.hasField(ERROR_FIELD)) {
            String error = unknown.getField(ERROR_FIELD).getLengthDelimitedList().get(0).toString(StandardCharsets.UTF_8);
            throw Status.INVALID_ARGUMENT.withDescription("malformed request: " + error).asRuntimeException();
        }
    }

    private static final class Marshaller<Q> implements MethodDescriptor.PrototypeMarshaller<Q> {
        private final Q prototype;
        private final MethodDescriptor.Marshaller<Message> delegate;

        Marshaller(Q prototype) {
            this.prototype = prototype;
            this.delegate = ProtoUtils.marshaller((Message) prototype);
        }

        @Override
        public Q getMessagePrototype() {
            return prototype;
        }

        @Override
        public Class<Q> getMessageClass() {
            @SuppressWarnings("unchecked")
            Class<Q> type = (Class<Q>) prototype.getClass();
            return type;
        }

        @Override
        public InputStream stream(Q value) {
            return delegate.stream((Message) value);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Q parse(InputStream stream) {
            Message proto = (Message) prototype;
            try {
                CodedInputStream in = CodedInputStream.newInstance(stream);
                in.setRecursionLimit(RECURSION_LIMIT);
                in.setSizeLimit(Integer.MAX_VALUE);
                return (Q) proto.getParserForType().parseFrom(in);
            } catch (Exception | StackOverflowError e) {
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                return (Q) proto.newBuilderForType().setUnknownFields(UnknownFieldSet.newBuilder()
                        .addField(ERROR_FIELD, UnknownFieldSet.Field.newBuilder()
                                .addLengthDelimited(com.google.protobuf.ByteString.copyFromUtf8(error)).build())
                        .build()).build();
            }
        }
    }
}
