public enum NewsKitPlaceholder {}
