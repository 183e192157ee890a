import NewsKit
